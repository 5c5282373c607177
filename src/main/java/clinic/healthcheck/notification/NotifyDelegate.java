package clinic.healthcheck.notification;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The notify steps of the health-check process. Each runs as an asynchronous job after the step it
 * reports on has committed, so a mail server outage delays the message but never undoes that step.
 */
@Component
public class NotifyDelegate implements JavaDelegate {

    private final Notifier notifier;

    NotifyDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long checkId = (Long) execution.getVariable(Variables.CHECK_ID);
        String code = (String) execution.getVariableLocal(Variables.NOTIFICATION);
        NotificationKind kind = NotificationKind.fromCode(code);
        if (kind == null) {
            throw new IllegalArgumentException("Unknown notification kind " + code);
        }
        Boolean followUpNeeded = (Boolean) execution.getVariable(Variables.FOLLOW_UP_NEEDED);

        notifier.deliver(checkId, kind, followUpNeeded);
    }
}
