package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.people.Caller;
import clinic.healthcheck.system.InvalidFieldException;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What the step after each Tasklist task of a health check holds the submitted form to. Whoever
 * completes a task may send any variable, so a form that changes which check or which consultant
 * the process is about is refused, and so is a value of the wrong type. The engine's REST API (and
 * so Tasklist) answers a refusal with 400 and its message, and nothing of the completion is kept.
 * (A task listener cannot refuse this way: the engine wraps what it throws into a server error.)
 *
 * <p>Who completed the task counts too. Tasklist completes as the signed-in user, who must be the
 * check's consultant (or, for "Assign manually", a manager or admin): refused with 403 otherwise.
 * The service's API completes tasks without a signed-in user and has checked its caller itself.
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

    /**
     * Refuses a form that handed the task on by changing {@code consultant}: it must name the
     * check's consultant (none while the check is pending).
     */
    public static void requireConsultant(DelegateExecution execution, String assigned) {
        requireUnchanged(execution, Variables.CONSULTANT, assigned);
    }

    /**
     * Refuses a form that changed what was requested: the patient, check type or priority the
     * process holds, or the task's copy of the check, its type or priority (see {@link
     * CheckDetailsListener}). Refused, nothing of the completion is kept, history included.
     */
    public static void requireAsRequested(DelegateExecution execution, HealthCheck check) {
        if (execution.getVariable(Variables.CHANGED_COPY) instanceof String copy) {
            throw refused(new InvalidFieldException(copy, "cannot be changed"));
        }
        requireUnchanged(execution, Variables.PATIENT, check.patientUsername());
        requireUnchanged(execution, Variables.CHECK_TYPE, check.checkType().code());
        requireUnchanged(execution, Variables.PRIORITY, check.priority().code());
    }

    /** Refuses a completion in Tasklist by anyone but the check's consultant. */
    public static void requireWorkedBy(DelegateExecution execution, String consultant) {
        Authentication user = signedIn(execution);
        if (user != null && !user.getUserId().equals(consultant)) {
            throw new AuthorizationException("Only the check's consultant completes its tasks");
        }
    }

    /** Refuses a completion in Tasklist by anyone but a manager or an admin. */
    public static void requireManager(DelegateExecution execution) {
        Authentication user = signedIn(execution);
        if (user == null) {
            return;
        }
        List<String> groups = Objects.requireNonNullElse(user.getGroupIds(), List.of());
        if (!Caller.ofGroups(user.getUserId(), groups).oversees()) {
            throw new AuthorizationException("Only managers and admins assign a check by hand");
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

    private static void requireUnchanged(
            DelegateExecution execution, String name, String expected) {
        if (!Objects.equals(expected, execution.getVariable(name))) {
            throw refused(new InvalidFieldException(name, "cannot be changed"));
        }
    }

    /** Who completes the task in Tasklist; null for the service's own calls. */
    private static Authentication signedIn(DelegateExecution execution) {
        Authentication user =
                execution
                        .getProcessEngineServices()
                        .getIdentityService()
                        .getCurrentAuthentication();
        return user == null || user.getUserId() == null ? null : user;
    }

    private TaskForms() {}
}
