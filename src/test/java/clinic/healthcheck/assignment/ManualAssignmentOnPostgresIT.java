package clinic.healthcheck.assignment;

import clinic.healthcheck.support.EmbeddedPostgres;
import org.springframework.context.annotation.Import;

/** Manual assignment on PostgreSQL, the production database. */
@Import(EmbeddedPostgres.class)
class ManualAssignmentOnPostgresIT extends ManualAssignmentTests {}
