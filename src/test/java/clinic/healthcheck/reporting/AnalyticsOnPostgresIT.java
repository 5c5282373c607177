package clinic.healthcheck.reporting;

import clinic.healthcheck.support.EmbeddedPostgres;
import org.springframework.context.annotation.Import;

/** The figures on PostgreSQL, the production database. */
@Import(EmbeddedPostgres.class)
class AnalyticsOnPostgresIT extends AnalyticsTests {}
