package clinic.healthcheck.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The periodic sweep: serves the whole queue in priority order. */
@Component
public class SweepPendingChecksDelegate implements JavaDelegate {

    private final AssignmentService assignment;

    SweepPendingChecksDelegate(AssignmentService assignment) {
        this.assignment = assignment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssignmentTotals totals = assignment.sweep(Trigger.SWEEP, false, AssignmentListener.NONE);
        execution.setVariable("assigned", totals.assigned());
        execution.setVariable("waiting", totals.waiting());
    }
}
