package clinic.healthcheck.checks;

import clinic.healthcheck.support.EmbeddedPostgres;
import org.springframework.context.annotation.Import;

/** The lifecycle on PostgreSQL, the production database. */
@Import(EmbeddedPostgres.class)
class LifecycleOnPostgresIT extends LifecycleTests {}
