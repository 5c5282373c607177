package clinic.healthcheck.cli;

import clinic.healthcheck.support.EmbeddedPostgres;
import org.springframework.context.annotation.Import;

/** The commands on PostgreSQL, the production database. */
@Import(EmbeddedPostgres.class)
class CommandLineOnPostgresIT extends CommandLineTests {}
