package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.system.InvalidFieldException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What the step after each Tasklist task of a health check holds the submitted form to. Whoever
 * completes a task may send any variable, so a form that changes which check or which consultant
 * the process is about is refused, and so is a value of the wrong type. The engine's REST API (and
 * so Tasklist) answers a refusal with 400 and its message, and nothing of the completion is kept.
 * (A task listener cannot refuse this way: the engine wraps what it throws into a server error.)
 */
public final class TaskForms {

    /** The check, from the business key no form can change; refuses a changed {@code checkId}. */
    public static long checkIdOf(DelegateExecution execution) {
        long checkId = Long.parseLong(execution.getProcessBusinessKey());
        Object sent = execution.getVariable(Variables.CHECK_ID);
        if (!(sent instanceof Long value) || value != checkId) {
            throw refused(new InvalidFieldException(Variables.CHECK_ID, "cannot be changed"));
        }
        return checkId;
    }

    /** Refuses a form that handed the task on by changing {@code consultant}. */
    public static void requireConsultant(DelegateExecution execution, String assigned) {
        Object sent = execution.getVariable(Variables.CONSULTANT);
        if (assigned == null || !assigned.equals(sent)) {
            throw refused(new InvalidFieldException(Variables.CONSULTANT, "cannot be changed"));
        }
    }

    /** The same refusal Tasklist shows as the API's 400: field and rule. */
    public static FormFieldValidationException refused(InvalidFieldException e) {
        return new FormFieldValidationException(e.field(), e.getMessage());
    }

    /** A text variable, or null; refuses any other type. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw refused(new InvalidFieldException(name, "must be text"));
    }

    /** A yes/no variable, or null; refuses any other type. */
    public static Boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw refused(new InvalidFieldException(name, "must be true or false"));
    }

    private TaskForms() {}
}
