package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.consultants.ConsultantRepository;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Marks the check cancelled and gives back the slot it held, if it held one. */
@Component
public class CancelHealthCheckDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CancelHealthCheckDelegate.class);

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final Clock clock;

    CancelHealthCheckDelegate(
            HealthCheckRepository checks, ConsultantRepository consultants, Clock clock) {
        this.checks = checks;
        this.consultants = consultants;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long checkId = (Long) execution.getVariable(Variables.CHECK_ID);
        String reason = (String) execution.getVariable(Variables.CANCEL_REASON);
        Instant now = clock.instant();

        CheckStatus before =
                checks.lockStatus(checkId)
                        .orElseThrow(() -> new HealthCheckNotFoundException(checkId));
        HealthCheck check = checks.findById(checkId).orElseThrow();

        if (!checks.cancel(checkId, reason, now)) {
            throw new StepAlreadyTakenException(checkId, "open");
        }
        if (before.holdsSlot()) {
            consultants.releaseSlot(check.consultantId(), false, now);
        }
        LOG.info("Health check {} cancelled while {}", checkId, before.code());
    }
}
