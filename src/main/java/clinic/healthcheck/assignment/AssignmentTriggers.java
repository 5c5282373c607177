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
        try {
            assignment.assignCheck(event.checkId(), Trigger.REQUEST);
        } catch (RuntimeException e) {
            // the request itself has committed; the sweep serves it if this attempt failed
            LOG.warn(
                    "Immediate assignment of health check {} failed ({}); the next sweep tries"
                            + " again",
                    event.checkId(),
                    e.getClass().getSimpleName());
        }
    }

    @EventListener
    void onAvailabilityChanged(ConsultantAvailabilityChanged event) {
        try {
            assignment.fillSlotsOf(event.consultantId(), Trigger.AVAILABILITY);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Filling the free slots of consultant {} failed ({}); the next sweep tries"
                            + " again",
                    event.consultantId(),
                    e.getClass().getSimpleName());
        }
    }
}
