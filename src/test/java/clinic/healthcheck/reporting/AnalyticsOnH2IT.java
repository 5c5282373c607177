package clinic.healthcheck.reporting;

/** The figures on the embedded default database. */
class AnalyticsOnH2IT extends AnalyticsTests {}
