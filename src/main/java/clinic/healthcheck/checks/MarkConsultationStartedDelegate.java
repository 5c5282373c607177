package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.system.InvalidFieldException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The consultant finished "Start consultation" (in Tasklist or through the API): who completed it
 * and the form are held to the API's rules, then the check is in progress.
 */
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
        long checkId = TaskForms.checkIdOf(execution);
        HealthCheck check = checks.findById(checkId).orElseThrow();
        TaskForms.requireWorkedBy(execution, check.consultantUsername());
        TaskForms.requireConsultant(execution, check.consultantUsername());
        TaskForms.requireAsRequested(execution, check);
        Date scheduledAt = scheduledAt(execution);
        execution.setVariable(Variables.SCHEDULED_AT, scheduledAt);

        // A cancellation that committed first leaves the row not "assigned": this step loses.
        if (!checks.markInProgress(
                checkId, scheduledAt == null ? null : scheduledAt.toInstant(), clock.instant())) {
            throw new StepAlreadyTakenException(checkId, "assigned");
        }
        LOG.info("Health check {} consultation started", checkId);
    }

    /** The API sends a date; Tasklist's date and time field sends ISO-8601 text in UTC. */
    private static Date scheduledAt(DelegateExecution execution) {
        Object value = execution.getVariable(Variables.SCHEDULED_AT);
        if (value == null || value instanceof Date) {
            return (Date) value;
        }
        if (value instanceof String text) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return Date.from(OffsetDateTime.parse(text.trim()).toInstant());
            } catch (DateTimeParseException e) {
                // refused below, like any other value that is not a time
            }
        }
        throw TaskForms.refused(
                new InvalidFieldException(
                        Variables.SCHEDULED_AT,
                        "must be a date and time such as 2026-03-02T10:30Z"));
    }
}
