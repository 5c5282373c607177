package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.system.InvalidFieldException;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores the consultation's record, held to the API's rules whether it came from the API or a
 * Tasklist form (and there completed by the check's consultant), marks the check completed and
 * gives the slot back.
 */
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
        long checkId = TaskForms.checkIdOf(execution);
        HealthCheck asAssigned = checks.findById(checkId).orElseThrow();
        TaskForms.requireWorkedBy(execution, asAssigned.consultantUsername());
        TaskForms.requireConsultant(execution, asAssigned.consultantUsername());
        TaskForms.requireAsRequested(execution, asAssigned);
        ConsultationRecord record = record(execution);
        Instant now = clock.instant();

        // The conditional update is the guard against completing twice: only one caller
        // finds the check in progress, so the slot is given back exactly once.
        if (!checks.complete(checkId, record.notes(), record.recommendations(), now)) {
            throw new StepAlreadyTakenException(checkId, "in progress");
        }

        HealthCheck check = checks.findById(checkId).orElseThrow();
        consultants.releaseSlot(check.consultantId(), true, now);
        LOG.info("Health check {} completed by consultant {}", checkId, check.consultantUsername());
    }

    /** The same rules as the API's: Tasklist's form must not get round them. */
    private static ConsultationRecord record(DelegateExecution execution) {
        try {
            return ConsultationRecord.of(
                    TaskForms.text(execution, Variables.NOTES),
                    TaskForms.text(execution, Variables.RECOMMENDATIONS),
                    TaskForms.flag(execution, Variables.FOLLOW_UP_NEEDED));
        } catch (InvalidFieldException e) {
            throw TaskForms.refused(e);
        }
    }
}
