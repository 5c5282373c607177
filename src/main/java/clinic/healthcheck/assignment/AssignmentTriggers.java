package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheckRequested;
import clinic.healthcheck.consultants.ConsultantAvailabilityChanged;
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

    private final AssignmentService assignment;

    AssignmentTriggers(AssignmentService assignment) {
        this.assignment = assignment;
    }

    @EventListener
    void onRequest(HealthCheckRequested event) {
        assignment.assignCheck(event.checkId(), Trigger.REQUEST);
    }

    @EventListener
    void onAvailabilityChanged(ConsultantAvailabilityChanged event) {
        assignment.fillSlotsOf(event.consultantId(), Trigger.AVAILABILITY);
    }
}
