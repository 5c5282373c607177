package clinic.healthcheck.notification;

import clinic.healthcheck.support.EmbeddedPostgres;
import org.springframework.context.annotation.Import;

/** Mail on PostgreSQL, the production database. */
@Import(EmbeddedPostgres.class)
class NotificationOnPostgresIT extends NotificationTests {}
