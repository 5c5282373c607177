package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheckView;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.people.Caller;
import clinic.healthcheck.system.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assignment by hand: a consultant takes a pending check for themselves, a manager gives a pending
 * check to a consultant or an assigned one to another (over capacity only with {@code override} and
 * a reason) and sees whom to choose. A consultant lists the pending checks they may take.
 */
@RestController
@RequestMapping("/api/health-checks")
class ManualAssignmentController {

    private final ManualAssignment manual;

    ManualAssignmentController(ManualAssignment manual) {
        this.manual = manual;
    }

    @PostMapping("/{id}/assign")
    HealthCheckView assign(
            @PathVariable long id,
            @Valid @RequestBody(required = false) AssignBody body,
            Authentication authentication) {
        AssignBody request = body == null ? new AssignBody(null, null, null) : body;
        return HealthCheckView.of(
                manual.assign(id, Caller.from(authentication), request.request()));
    }

    @PostMapping("/{id}/reassign")
    HealthCheckView reassign(
            @PathVariable long id,
            @Valid @RequestBody AssignBody body,
            Authentication authentication) {
        return HealthCheckView.of(manual.reassign(id, Caller.from(authentication), body.request()));
    }

    /** Whom a manager may choose, best first, with load and rank. */
    @GetMapping("/{id}/candidates")
    List<ConsultantChoice> candidates(@PathVariable long id) {
        return manual.choicesFor(id);
    }

    /** For a consultant: pending checks they may take, without patient data. */
    @GetMapping("/claimable")
    List<ClaimableCheck> claimable(
            @RequestParam(defaultValue = "20") int size, Authentication authentication) {
        Paging.check(0, size);
        return manual.claimableBy(Caller.from(authentication), size).stream()
                .map(ClaimableCheck::of)
                .toList();
    }

    record ClaimableCheck(
            long id, String checkType, String priority, Instant createdAt, String waitReason) {

        static ClaimableCheck of(PendingCheck check) {
            return new ClaimableCheck(
                    check.id(),
                    check.checkType().code(),
                    check.priority().code(),
                    check.createdAt(),
                    check.waitReason());
        }
    }

    /** {@code consultant} may be left out by a consultant taking the check for themselves. */
    record AssignBody(
            @Size(max = 64) String consultant,
            Boolean override,
            @Size(max = ManualSlot.MAX_REASON) String reason) {

        ManualAssignment.Request request() {
            return new ManualAssignment.Request(consultant, Boolean.TRUE.equals(override), reason);
        }
    }
}
