package clinic.healthcheck.assignment;

import java.time.Instant;

/**
 * One audited assignment attempt. A manual one names who made it ({@code assignedBy}) and whether
 * it went over the consultant's capacity by an explicit override.
 */
public record AssignmentLogEntry(
        long id,
        long healthCheckId,
        Long consultantId,
        String consultantUsername,
        String result,
        String reason,
        String message,
        String triggeredBy,
        String assignedBy,
        boolean overCapacity,
        Instant loggedAt) {

    public static final String SUCCESS = "success";
    public static final String NO_AVAILABLE = "no_available";
    public static final String ERROR = "error";

    /** A manager gave an assigned check to another consultant. */
    public static final String REASSIGNED = "reassigned";
}
