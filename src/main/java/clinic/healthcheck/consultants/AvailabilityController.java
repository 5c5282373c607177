package clinic.healthcheck.consultants;

import clinic.healthcheck.people.Caller;
import clinic.healthcheck.system.InvalidFieldException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A consultant's own availability; a manager may change anyone's by naming them. */
@RestController
@RequestMapping("/api/availability")
class AvailabilityController {

    private final AvailabilityService service;

    AvailabilityController(AvailabilityService service) {
        this.service = service;
    }

    @GetMapping
    AvailabilityView read(
            @RequestParam(required = false) String consultant, Authentication authentication) {
        return AvailabilityView.of(service.find(whose(consultant, authentication)));
    }

    @PatchMapping
    AvailabilityView update(
            @Valid @RequestBody AvailabilityUpdate body,
            @RequestParam(required = false) String consultant,
            Authentication authentication) {
        ConsultantStatus status = null;
        if (body.status() != null) {
            status = ConsultantStatus.fromCode(body.status());
            if (status == null) {
                throw new InvalidFieldException(
                        "status", "must be one of available, busy, break, offline");
            }
        }
        if (status == null && body.maxConcurrentChecks() == null) {
            throw new InvalidFieldException("status", "give status, maxConcurrentChecks or both");
        }

        return AvailabilityView.of(
                service.update(
                        whose(consultant, authentication), status, body.maxConcurrentChecks()));
    }

    private static String whose(String consultant, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (consultant == null || consultant.equals(caller.username())) {
            return caller.username();
        }
        if (!caller.oversees()) {
            throw new AccessDeniedException(
                    "Only managers change another consultant's availability");
        }
        return consultant;
    }

    record AvailabilityUpdate(
            @Size(max = 16) String status, @Min(0) @Max(50) Integer maxConcurrentChecks) {}

    record AvailabilityView(
            String consultant,
            String status,
            int currentAssignments,
            int maxConcurrentChecks,
            String specialization,
            List<String> preferredCheckTypes,
            BigDecimal averageRating,
            int totalCompletedChecks,
            Instant lastAssignedAt) {

        static AvailabilityView of(Consultant consultant) {
            return new AvailabilityView(
                    consultant.username(),
                    consultant.status().code(),
                    consultant.currentAssignments(),
                    consultant.maxConcurrentChecks(),
                    consultant.specialization(),
                    consultant.preferredCheckTypes().stream()
                            .map(type -> type.code())
                            .sorted()
                            .toList(),
                    consultant.averageRating(),
                    consultant.totalCompletedChecks(),
                    consultant.lastAssignedAt());
        }
    }
}
