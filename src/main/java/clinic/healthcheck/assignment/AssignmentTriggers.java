package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheckRequested;
import clinic.healthcheck.consultants.ConsultantAvailabilityChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Serves the queue the moment something changes: a new request is offered at once, and a consultant
 * who becomes available or gets more room has their free slots filled. Both events arrive after
 * their change has committed; the periodic sweep catches anything a crash between the two would
 * leave behind.
 */
@Component
class AssignmentTriggers {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentTriggers.class);

    private final AssignmentService assignment;

    AssignmentTriggers(AssignmentService assignment) {
        this.assignment = assignment;
    }

    @EventListener
    void onRequest(HealthCheckRequested event) {
        tryNow(
                () -> assignment.assignCheck(event.checkId(), Trigger.REQUEST),
                "Immediate assignment of health check",
                event.checkId());
    }

    @EventListener
    void onAvailabilityChanged(ConsultantAvailabilityChanged event) {
        tryNow(
                () -> assignment.fillSlotsOf(event.consultantId(), Trigger.AVAILABILITY),
                "Filling the free slots of consultant",
                event.consultantId());
    }

    /** The change itself has committed; if this follow-up fails, the next sweep catches up. */
    private static void tryNow(Runnable attempt, String what, long id) {
        try {
            attempt.run();
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} {} failed ({}); the next sweep tries again",
                    what,
                    id,
                    e.getClass().getSimpleName());
        }
    }
}
