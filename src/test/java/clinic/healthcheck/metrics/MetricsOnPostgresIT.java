package clinic.healthcheck.metrics;

import clinic.healthcheck.support.EmbeddedPostgres;
import org.springframework.context.annotation.Import;

/** The metrics on PostgreSQL, the production database. */
@Import(EmbeddedPostgres.class)
class MetricsOnPostgresIT extends MetricsTests {}
