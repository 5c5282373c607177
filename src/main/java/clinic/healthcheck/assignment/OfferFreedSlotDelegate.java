package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.consultants.ConsultantRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs as its own job after a check completed or was cancelled: the consultant's freed slot goes to
 * the next check in the queue. Each assignment commits by itself, so a retry of this job only fills
 * what is still free.
 */
@Component
public class OfferFreedSlotDelegate implements JavaDelegate {

    private final AssignmentService assignment;
    private final ConsultantRepository consultants;

    OfferFreedSlotDelegate(AssignmentService assignment, ConsultantRepository consultants) {
        this.assignment = assignment;
        this.consultants = consultants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String username = (String) execution.getVariable(Variables.CONSULTANT);
        if (username == null) {
            return; // cancelled while pending: no slot was held
        }
        consultants
                .findByUsername(username)
                .ifPresent(
                        consultant -> assignment.fillSlotsOf(consultant.id(), Trigger.SLOT_FREED));
    }
}
