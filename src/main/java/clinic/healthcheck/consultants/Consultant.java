package clinic.healthcheck.consultants;

import clinic.healthcheck.checks.CheckType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A consultant's availability record. {@code currentAssignments} is the load that counts against
 * {@code maxConcurrentChecks}: the carried load plus the checks the consultant holds here.
 */
public record Consultant(
        long id,
        String username,
        String email,
        String fullName,
        ConsultantStatus status,
        int currentAssignments,
        int carriedLoad,
        int maxConcurrentChecks,
        String specialization,
        Set<CheckType> preferredCheckTypes,
        String preferredPriority,
        BigDecimal averageRating,
        int totalCompletedChecks,
        Instant lastAssignedAt) {

    public int freeSlots() {
        return Math.max(0, maxConcurrentChecks - currentAssignments);
    }

    /** An empty preference means the consultant takes any type. */
    public boolean prefers(CheckType type) {
        return preferredCheckTypes.isEmpty() || preferredCheckTypes.contains(type);
    }

    /** Specializations are compared without regard to case, as analysts and rosters differ. */
    public String specializationKey() {
        return specialization.trim().toLowerCase(Locale.ROOT);
    }
}
