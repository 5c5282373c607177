package clinic.healthcheck.notification;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The notify steps of the health-check process. Each runs as an asynchronous job after the step it
 * reports on has committed, so a failure here never undoes that step. For now it only records that
 * the message is due, by check id and kind; sending mail is not built yet.
 */
@Component
public class NotifyDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyDelegate.class);

    @Override
    public void execute(DelegateExecution execution) {
        Object checkId = execution.getVariable(Variables.CHECK_ID);
        Object kind = execution.getVariableLocal(Variables.NOTIFICATION);
        LOG.info("Notification {} for health check {} logged, not mailed", kind, checkId);
    }
}
