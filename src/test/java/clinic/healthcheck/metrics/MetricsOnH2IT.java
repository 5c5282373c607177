package clinic.healthcheck.metrics;

/** The metrics on the embedded default database. */
class MetricsOnH2IT extends MetricsTests {}
