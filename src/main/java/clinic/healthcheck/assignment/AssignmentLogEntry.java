package clinic.healthcheck.assignment;

import java.time.Instant;

/** One audited assignment attempt. */
public record AssignmentLogEntry(
        long id,
        long healthCheckId,
        Long consultantId,
        String consultantUsername,
        String result,
        String reason,
        String message,
        String triggeredBy,
        Instant loggedAt) {

    public static final String SUCCESS = "success";
    public static final String NO_AVAILABLE = "no_available";
    public static final String ERROR = "error";
}
