package clinic.healthcheck.notification;

import clinic.healthcheck.support.EmbeddedPostgres;
import org.springframework.context.annotation.Import;

/** The embedded mail default on PostgreSQL. */
@Import(EmbeddedPostgres.class)
class MailWithoutSmtpOnPostgresIT extends MailWithoutSmtpTests {}
