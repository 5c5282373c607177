package clinic.healthcheck.consultants;

import clinic.healthcheck.checks.CheckType;
import java.math.BigDecimal;
import java.util.Set;

/** One consultant as a roster file describes them. */
public record RosterEntry(
        String username,
        String email,
        String fullName,
        String specialization,
        Set<CheckType> preferredCheckTypes,
        int maxConcurrentChecks,
        int carriedLoad,
        BigDecimal averageRating,
        ConsultantStatus status) {}
