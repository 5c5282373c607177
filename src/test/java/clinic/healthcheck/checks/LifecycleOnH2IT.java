package clinic.healthcheck.checks;

/** The lifecycle on the embedded default database. */
class LifecycleOnH2IT extends LifecycleTests {}
