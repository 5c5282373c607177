package clinic.healthcheck.assignment;

import clinic.healthcheck.support.EmbeddedPostgres;
import org.springframework.context.annotation.Import;

/** The assignment rules on PostgreSQL, the production database. */
@Import(EmbeddedPostgres.class)
class AssignmentRulesOnPostgresIT extends AssignmentRulesTests {}
