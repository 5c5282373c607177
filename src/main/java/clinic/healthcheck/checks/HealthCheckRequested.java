package clinic.healthcheck.checks;

/** Published after a new request has committed, outside any transaction. */
public record HealthCheckRequested(long checkId) {}
