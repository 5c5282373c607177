package clinic.healthcheck.checks;

import static org.camunda.bpm.engine.variable.Variables.stringValue;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives each of the consultant's Tasklist tasks task-local copies of the check, its type and
 * priority, and of what the patient wrote, so the form and the task list can show them and only
 * those who may read the task (the assigned consultant, managers and admins) see them. The words
 * stay in the service's table; the process holds none of them. (The list reads the copies:
 * consultants may read their tasks, not the process instances.)
 *
 * <p>On completion it notes a copy of the check, type or priority the form changed, so the step
 * after the task refuses the form ({@link TaskForms#requireAsRequested}); refused here, the engine
 * would answer with a server error.
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
        Map<String, Object> copies =
                Map.of(
                        Variables.CHECK_ID, checkId,
                        Variables.CHECK_TYPE, check.checkType().code(),
                        Variables.PRIORITY, check.priority().code());

        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            copies.forEach(task::setVariableLocal);
            task.setVariableLocal(Variables.DESCRIPTION, check.description());
            task.setVariableLocal(Variables.MEDICAL_HISTORY, check.medicalHistory());
            return;
        }

        // Noted on the instance: the task's own execution ends with it when the task has a
        // boundary event. Tasks opened before the copies existed have none to compare.
        copies.forEach(
                (name, copy) -> {
                    if (task.hasVariableLocal(name) && !copy.equals(task.getVariableLocal(name))) {
                        task.getExecution()
                                .getProcessInstance()
                                .setVariableLocal(Variables.CHANGED_COPY, stringValue(name, true));
                    }
                });
    }
}
