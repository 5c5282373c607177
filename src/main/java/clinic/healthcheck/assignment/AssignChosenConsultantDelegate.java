package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.TaskForms;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.system.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Gives the check to the consultant a manager chose in "Assign manually". A refusal (not completed
 * by a manager, a form that changed the check, the table does not allow them, no free slot without
 * an override, the check was assigned meanwhile) fails the manager's completion with the reason,
 * and the task stays as it was.
 */
@Component
public class AssignChosenConsultantDelegate implements JavaDelegate {

    private final ManualAssignment manual;
    private final HealthCheckRepository checks;

    AssignChosenConsultantDelegate(ManualAssignment manual, HealthCheckRepository checks) {
        this.manual = manual;
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long checkId = TaskForms.checkIdOf(execution);
        HealthCheck check = checks.findById(checkId).orElseThrow();
        TaskForms.requireManager(execution);
        // still pending: the process holds no consultant yet, whatever the form sent
        TaskForms.requireConsultant(execution, null);
        TaskForms.requireAsRequested(execution, check);

        Consultant consultant;
        try {
            consultant =
                    manual.assignChosen(
                            checkId,
                            TaskForms.text(execution, Variables.CHOSEN_CONSULTANT),
                            Boolean.TRUE.equals(TaskForms.flag(execution, Variables.OVER_CAPACITY)),
                            TaskForms.text(execution, Variables.ASSIGNMENT_REASON),
                            (String) execution.getVariable(Variables.ASSIGNED_BY));
        } catch (InvalidFieldException e) {
            throw TaskForms.refused(e);
        } catch (AssignmentRefusedException e) {
            throw new FormFieldValidationException(e.reason().code(), e.getMessage());
        }
        execution.setVariable(Variables.CONSULTANT, consultant.username());
    }
}
