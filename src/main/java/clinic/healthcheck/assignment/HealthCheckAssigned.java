package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.Priority;
import java.time.Instant;

/** A check was given to a consultant; published inside the assignment's own transaction. */
public record HealthCheckAssigned(
        long checkId, Priority priority, Instant requestedAt, Instant assignedAt) {}
