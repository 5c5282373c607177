package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives each of the consultant's Tasklist tasks task-local copies of what the patient wrote, so the
 * form can show them and only those who may read the task (the assigned consultant, managers and
 * admins) see them. The words stay in the service's table; the process holds none of them.
 */
@Component
public class CheckDetailsListener implements TaskListener {

    private final HealthCheckRepository checks;

    CheckDetailsListener(HealthCheckRepository checks) {
        this.checks = checks;
    }

    @Override
    public void notify(DelegateTask task) {
        long checkId = Long.parseLong(task.getExecution().getProcessBusinessKey());
        HealthCheck check =
                checks.findById(checkId)
                        .orElseThrow(() -> new HealthCheckNotFoundException(checkId));
        task.setVariableLocal(Variables.DESCRIPTION, check.description());
        task.setVariableLocal(Variables.MEDICAL_HISTORY, check.medicalHistory());
    }
}
