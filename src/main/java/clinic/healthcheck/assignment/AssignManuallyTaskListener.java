package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckNotFoundException;
import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.checks.HealthCheckRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The managers' "Assign manually" task. On creation it offers the consultants to choose from (a
 * task-local JSON list the form's choice field reads) and says why the check waits; on completion
 * it records which manager chose, from the signed-in user, never from what the form sent.
 */
@Component
public class AssignManuallyTaskListener implements TaskListener {

    private final HealthCheckRepository checks;
    private final ConsultantChoices choices;
    private final ObjectMapper json;

    AssignManuallyTaskListener(
            HealthCheckRepository checks, ConsultantChoices choices, ObjectMapper json) {
        this.checks = checks;
        this.choices = choices;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            offerConsultants(task, Long.parseLong(task.getExecution().getProcessBusinessKey()));
        } else {
            task.setVariable(Variables.ASSIGNED_BY, manager(task));
        }
    }

    private void offerConsultants(DelegateTask task, long checkId) {
        HealthCheck check =
                checks.findById(checkId)
                        .orElseThrow(() -> new HealthCheckNotFoundException(checkId));
        List<Map<String, String>> options =
                choices.forCheck(check).stream()
                        .map(choice -> Map.of("label", choice.label(), "value", choice.username()))
                        .toList();
        try {
            task.setVariableLocal(
                    Variables.CONSULTANT_OPTIONS,
                    SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Consultant options cannot be written as JSON", e);
        }
        task.setVariableLocal(Variables.WAIT_REASON, waitReason(check));
    }

    private static String waitReason(HealthCheck check) {
        if (check.waitReason() == null) {
            return "not recorded yet";
        }
        try {
            return WaitReason.valueOf(check.waitReason().toUpperCase(Locale.ROOT)).explanation();
        } catch (IllegalArgumentException e) {
            return check.waitReason();
        }
    }

    /** Tasklist completes tasks as the signed-in user; the service's own calls as the assignee. */
    private static String manager(DelegateTask task) {
        Authentication signedIn =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (signedIn != null && signedIn.getUserId() != null) {
            return signedIn.getUserId();
        }
        return task.getAssignee();
    }
}
