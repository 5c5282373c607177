package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Gives pending checks to consultants inside the caller's transaction: the checks' rows, the
 * consultants' slots, the audit rows and the process instances move together or not at all.
 *
 * <p>Several assignments share one transaction. All checks are claimed first, in queue order, then
 * the slots are taken consultant by consultant in id order: a transaction waiting for a check's row
 * holds no consultant's row yet, and consultants are always locked in the same order, so two
 * batches on two nodes, or a batch and a cancellation, can never deadlock each other. Both steps
 * are conditional updates, sent as one batch each.
 */
@Component
class SlotReservation {

    /** What became of one assignment attempt (used by manual assignment, one check at a time). */
    enum Outcome {
        RESERVED,
        /** Another node or thread assigned or cancelled the check first. */
        CHECK_TAKEN,
        /** The consultant filled up or left since the caller read them. */
        CONSULTANT_FULL
    }

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final AssignmentLogRepository log;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;

    SlotReservation(
            HealthCheckRepository checks,
            ConsultantRepository consultants,
            AssignmentLogRepository log,
            RuntimeService runtime,
            ApplicationEventPublisher events) {
        this.checks = checks;
        this.consultants = consultants;
        this.log = log;
        this.runtime = runtime;
        this.events = events;
    }

    /**
     * Marks each check as its consultant's; false where another node or thread assigned or
     * cancelled it first.
     */
    boolean[] claim(List<Claim> claims, Instant now) {
        return checks.claim(
                claims.stream().map(claim -> claim.check().id()).toList(),
                claims.stream().map(claim -> claim.consultant().id()).toList(),
                true,
                now);
    }

    /**
     * Takes a slot for each claim, audits each success and moves its process instance on. Claims
     * whose consultant filled up or left since the run read them take no slot: those checks are
     * pending again and returned, for the caller to offer elsewhere.
     */
    List<Claim> complete(List<Claim> claims, Trigger trigger, Instant now) {
        List<Claim> byConsultant = new ArrayList<>(claims);
        byConsultant.sort(Comparator.comparingLong(claim -> claim.consultant().id()));
        boolean[] taken =
                consultants.takeSlots(
                        byConsultant.stream().map(claim -> claim.consultant().id()).toList(), now);
        Set<Long> refusedChecks = new HashSet<>();
        for (int i = 0; i < taken.length; i++) {
            if (!taken[i]) {
                refusedChecks.add(byConsultant.get(i).check().id());
            }
        }
        if (!refusedChecks.isEmpty()) {
            checks.unclaim(List.copyOf(refusedChecks));
        }

        List<Claim> accepted = new ArrayList<>();
        List<Claim> refused = new ArrayList<>();
        for (Claim claim : claims) {
            (refusedChecks.contains(claim.check().id()) ? refused : accepted).add(claim);
        }
        if (!accepted.isEmpty()) {
            log.successes(accepted, trigger, now);
        }
        for (Claim claim : accepted) {
            runtime.createMessageCorrelation(HealthCheckProcess.MESSAGE_CONSULTANT_ASSIGNED)
                    .processInstanceId(claim.check().processInstanceId())
                    .setVariable(
                            HealthCheckProcess.Variables.CONSULTANT, claim.consultant().username())
                    .correlateWithResult();
            PendingCheck check = claim.check();
            events.publishEvent(
                    new HealthCheckAssigned(check.id(), check.priority(), check.createdAt(), now));
        }
        return refused;
    }

    /** A check claimed for a consultant, with the audit's reason for the choice. */
    record Claim(PendingCheck check, Consultant consultant, String why) {}
}
