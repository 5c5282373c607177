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

/** Stores the consultation's record, marks the check completed and gives the slot back. */
@Component
public class CompleteHealthCheckDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(CompleteHealthCheckDelegate.class);

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final Clock clock;

    CompleteHealthCheckDelegate(
            HealthCheckRepository checks, ConsultantRepository consultants, Clock clock) {
        this.checks = checks;
        this.consultants = consultants;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long checkId = (Long) execution.getVariable(Variables.CHECK_ID);
        String notes = (String) execution.getVariable(Variables.NOTES);
        String recommendations = (String) execution.getVariable(Variables.RECOMMENDATIONS);
        Instant now = clock.instant();

        // The conditional update is the guard against completing twice: only one caller
        // finds the check in progress, so the slot is given back exactly once.
        if (!checks.complete(checkId, notes, recommendations, now)) {
            throw new StepAlreadyTakenException(checkId, "in progress");
        }

        HealthCheck check = checks.findById(checkId).orElseThrow();
        consultants.releaseSlot(check.consultantId(), true, now);
        LOG.info("Health check {} completed by consultant {}", checkId, check.consultantUsername());
    }
}
