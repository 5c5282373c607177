package clinic.healthcheck.cli;

/** The commands on the embedded default database. */
class CommandLineOnH2IT extends CommandLineTests {}
