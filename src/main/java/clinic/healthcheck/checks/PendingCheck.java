package clinic.healthcheck.checks;

import java.time.Instant;

/** The few columns of a waiting check that assignment needs: the queue holds thousands. */
public record PendingCheck(
        long id,
        CheckType checkType,
        Priority priority,
        Instant createdAt,
        String patientUsername,
        String waitReason,
        String processInstanceId) {}
