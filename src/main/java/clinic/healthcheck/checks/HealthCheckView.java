package clinic.healthcheck.checks;

import java.time.Instant;
import java.time.LocalDate;

/** A check as the API shows it; codes in lower case, times in UTC. */
public record HealthCheckView(
        long id,
        String patient,
        String checkType,
        String priority,
        String status,
        String consultant,
        Boolean autoAssigned,
        LocalDate requestedDate,
        String description,
        String medicalHistory,
        String consultantNotes,
        String recommendations,
        String waitReason,
        String cancelReason,
        Instant createdAt,
        Instant dueAt,
        Instant assignedAt,
        Instant scheduledAt,
        Instant startedAt,
        Instant completedAt,
        Instant cancelledAt,
        boolean mailOptOut) {

    public static HealthCheckView of(HealthCheck check) {
        return new HealthCheckView(
                check.id(),
                check.patientUsername(),
                check.checkType().code(),
                check.priority().code(),
                check.status().code(),
                check.consultantUsername(),
                check.autoAssigned(),
                check.requestedDate(),
                check.description(),
                check.medicalHistory(),
                check.consultantNotes(),
                check.recommendations(),
                // why it waited matters only while it still waits
                check.status() == CheckStatus.PENDING ? check.waitReason() : null,
                check.cancelReason(),
                check.createdAt(),
                check.dueAt(),
                check.assignedAt(),
                check.scheduledAt(),
                check.startedAt(),
                check.completedAt(),
                check.cancelledAt(),
                check.mailOptOut());
    }
}
