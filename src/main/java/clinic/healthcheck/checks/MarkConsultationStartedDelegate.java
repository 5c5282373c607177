package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The consultant finished "Start consultation" (in Tasklist or through the API). */
@Component
public class MarkConsultationStartedDelegate implements JavaDelegate {

    private static final Logger LOG =
            LoggerFactory.getLogger(MarkConsultationStartedDelegate.class);

    private final HealthCheckRepository checks;
    private final Clock clock;

    MarkConsultationStartedDelegate(HealthCheckRepository checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long checkId = (Long) execution.getVariable(Variables.CHECK_ID);
        Date scheduledAt = (Date) execution.getVariable(Variables.SCHEDULED_AT);

        // A cancellation that committed first leaves the row not "assigned": this step loses.
        if (!checks.markInProgress(
                checkId, scheduledAt == null ? null : scheduledAt.toInstant(), clock.instant())) {
            throw new StepAlreadyTakenException(checkId, "assigned");
        }
        LOG.info("Health check {} consultation started", checkId);
    }
}
