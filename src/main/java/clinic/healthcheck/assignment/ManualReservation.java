package clinic.healthcheck.assignment;

import clinic.healthcheck.assignment.SlotReservation.Outcome;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A slot taken by hand, with the conditional updates the automatic path uses ({@link
 * SlotReservation}), so a manual and an automatic assignment racing on any nodes cannot both win or
 * over-assign. Runs inside the caller's transaction, which holds the check's row lock; the caller
 * moves the process instance on.
 */
@Component
class ManualReservation {

    /**
     * Who gives a check to whom, and why, for the audit row; {@code overCapacity} allows a slot
     * beyond the consultant's maximum, taken only when no free one is left.
     */
    record Assignment(
            HealthCheck check,
            Consultant consultant,
            boolean overCapacity,
            String why,
            Trigger trigger,
            String assignedBy) {}

    private static final String EXCEEDED = "; over capacity by override";

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final AssignmentLogRepository log;
    private final ApplicationEventPublisher events;

    ManualReservation(
            HealthCheckRepository checks,
            ConsultantRepository consultants,
            AssignmentLogRepository log,
            ApplicationEventPublisher events) {
        this.checks = checks;
        this.consultants = consultants;
        this.log = log;
        this.events = events;
    }

    /** A pending check to its first consultant. */
    Outcome reserve(Assignment assignment, Instant now) {
        long checkId = assignment.check().id();
        long consultantId = assignment.consultant().id();
        if (!checks.claim(List.of(checkId), List.of(consultantId), false, now)[0]) {
            return Outcome.CHECK_TAKEN;
        }
        Slot slot = takeSlot(assignment, now);
        if (slot == Slot.NONE) {
            checks.unclaim(List.of(checkId));
            return Outcome.CONSULTANT_FULL;
        }

        audit(assignment, AssignmentLogEntry.SUCCESS, slot, now);
        HealthCheck check = assignment.check();
        events.publishEvent(
                new HealthCheckAssigned(check.id(), check.priority(), check.createdAt(), now));
        return Outcome.RESERVED;
    }

    /**
     * An assigned, not yet started check from its consultant to another. Both consultants' rows are
     * locked in the order of their ids, so two reassignments between the same two people never wait
     * for each other; nothing changes unless the new consultant's slot is taken.
     */
    Outcome reassign(Assignment assignment, long fromConsultantId, Instant now) {
        long toConsultantId = assignment.consultant().id();
        consultants.lock(Math.min(fromConsultantId, toConsultantId));
        consultants.lock(Math.max(fromConsultantId, toConsultantId));

        Slot slot = takeSlot(assignment, now);
        if (slot == Slot.NONE) {
            return Outcome.CONSULTANT_FULL;
        }
        long checkId = assignment.check().id();
        if (!checks.reassign(checkId, fromConsultantId, toConsultantId)) {
            consultants.releaseSlot(toConsultantId, false, now);
            return Outcome.CHECK_TAKEN;
        }
        consultants.releaseSlot(fromConsultantId, false, now);

        audit(assignment, AssignmentLogEntry.REASSIGNED, slot, now);
        return Outcome.RESERVED;
    }

    private enum Slot {
        NONE,
        FREE,
        BEYOND_MAXIMUM
    }

    /** A free slot if there is one; beyond the maximum only when the manager allowed it. */
    private Slot takeSlot(Assignment assignment, Instant now) {
        long consultantId = assignment.consultant().id();
        if (consultants.takeSlots(List.of(consultantId), now)[0]) {
            return Slot.FREE;
        }
        if (assignment.overCapacity() && consultants.takeSlotOverCapacity(consultantId, now)) {
            return Slot.BEYOND_MAXIMUM;
        }
        return Slot.NONE;
    }

    private void audit(Assignment assignment, String result, Slot slot, Instant now) {
        boolean exceeded = slot == Slot.BEYOND_MAXIMUM;
        log.manual(
                assignment.check().id(),
                assignment.consultant().id(),
                result,
                assignment.why() + (exceeded ? EXCEEDED : ""),
                assignment.trigger(),
                assignment.assignedBy(),
                exceeded,
                now);
    }
}
