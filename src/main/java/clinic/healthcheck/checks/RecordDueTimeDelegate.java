package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the service level the DMN gave ({@code assignWithin}, an ISO-8601 duration) into the time
 * by which the check must be assigned, and keeps it on the check and the process, with whether it
 * had passed already when the check was taken in.
 */
@Component
public class RecordDueTimeDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordDueTimeDelegate.class);

    private final HealthCheckRepository checks;
    private final Clock clock;

    RecordDueTimeDelegate(HealthCheckRepository checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long checkId = (Long) execution.getVariable(Variables.CHECK_ID);
        HealthCheck check = checks.findById(checkId).orElseThrow();
        Priority priority = check.priority();
        execution.setVariable(Variables.TASK_PRIORITY, priority.taskPriority());
        execution.setVariable(Variables.OVERDUE_ON_ARRIVAL, false);

        Duration assignWithin = parse((String) execution.getVariable(Variables.ASSIGN_WITHIN));
        if (assignWithin == null) {
            // The check is still served; only its deadline is unknown until the table is fixed.
            LOG.warn(
                    "Service-level table gave no valid duration for health check {} ({}, {});"
                            + " check the latest version of decision service-level",
                    checkId,
                    priority.code(),
                    check.checkType().code());
            execution.setVariable(Variables.DUE_AT, null);
            return;
        }

        Instant dueAt = check.createdAt().plus(assignWithin);
        checks.recordDueAt(checkId, dueAt);
        execution.setVariable(Variables.DUE_AT, Date.from(dueAt));
        // only a backlog taken in from an earlier system can be past its due time already
        execution.setVariable(Variables.OVERDUE_ON_ARRIVAL, !dueAt.isAfter(clock.instant()));
    }

    private static Duration parse(String isoDuration) {
        if (isoDuration == null) {
            return null;
        }
        try {
            return Duration.parse(isoDuration.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
