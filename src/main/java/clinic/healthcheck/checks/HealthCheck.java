package clinic.healthcheck.checks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One patient's request for a health check, as the service's tables hold it. {@code mailOptOut}:
 * the patient asked for no mail about it.
 */
public record HealthCheck(
        long id,
        String patientUsername,
        String patientEmail,
        CheckType checkType,
        Priority priority,
        CheckStatus status,
        Long consultantId,
        String consultantUsername,
        Boolean autoAssigned,
        LocalDate requestedDate,
        String description,
        String medicalHistory,
        String consultantNotes,
        String recommendations,
        String waitReason,
        String cancelReason,
        String processInstanceId,
        Instant createdAt,
        Instant dueAt,
        Instant assignedAt,
        Instant scheduledAt,
        Instant startedAt,
        Instant completedAt,
        Instant cancelledAt,
        boolean mailOptOut) {}
