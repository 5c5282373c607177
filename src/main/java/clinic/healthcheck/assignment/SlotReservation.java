package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Gives one pending check to one consultant inside the caller's transaction: the check's row, the
 * consultant's slot, the audit row and the process instance move together or not at all. The
 * check's row is locked before the consultant's, the same order every other command on a check
 * uses, so assignments and cancellations cannot deadlock each other.
 */
@Component
class SlotReservation {

    enum Outcome {
        RESERVED,
        /** Another node or thread assigned or cancelled the check first. */
        CHECK_TAKEN,
        /** The consultant filled up or left since the run read them. */
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

    Outcome reserve(
            PendingCheck check, Consultant consultant, String why, Trigger trigger, Instant now) {
        if (!checks.claim(check.id(), consultant.id(), true, now)) {
            return Outcome.CHECK_TAKEN;
        }

        if (!consultants.takeSlot(consultant.id(), now)) {
            checks.unclaim(check.id());
            return Outcome.CONSULTANT_FULL;
        }

        log.success(check.id(), consultant.id(), why, trigger, now);

        runtime.createMessageCorrelation(HealthCheckProcess.MESSAGE_CONSULTANT_ASSIGNED)
                .processInstanceId(check.processInstanceId())
                .setVariable(HealthCheckProcess.Variables.CONSULTANT, consultant.username())
                .correlateWithResult();

        events.publishEvent(
                new HealthCheckAssigned(check.id(), check.priority(), check.createdAt(), now));
        return Outcome.RESERVED;
    }
}
