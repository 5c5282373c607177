package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.checks.HealthCheckRepository.NewHealthCheck;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.people.Caller;
import clinic.healthcheck.people.Role;
import clinic.healthcheck.system.ConcurrentChange;
import clinic.healthcheck.system.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes requests in and moves checks through their lifecycle. Each command first locks the check's
 * row, so two commands on one check (on one node or two) run one after the other and the second
 * sees what the first did; the process engine then takes the step, and its delegates change the
 * row, all in one transaction.
 */
@Service
public class HealthCheckService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckService.class);

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HealthCheckService(
            HealthCheckRepository checks,
            ConsultantRepository consultants,
            RuntimeService runtime,
            TaskService tasks,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock) {
        this.checks = checks;
        this.consultants = consultants;
        this.runtime = runtime;
        this.tasks = tasks;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** A new request: stored and started as a process instance, then offered at once. */
    public HealthCheck request(NewHealthCheck request) {
        long id = transaction.execute(status -> takeIn(request, clock.instant()));
        LOG.info(
                "Health check {} requested ({}, {})",
                id,
                request.checkType().code(),
                request.priority().code());

        events.publishEvent(new HealthCheckRequested(id));
        return checks.findById(id).orElseThrow();
    }

    /**
     * Takes a batch in, one process instance each, in one transaction; the checks wait as pending
     * so that the next sweep serves the whole backlog in priority order.
     */
    public List<Long> requestAll(List<BackloggedRequest> backlog) {
        return transaction.execute(
                status ->
                        backlog.stream()
                                .map(entry -> takeIn(entry.request(), entry.requestedAt()))
                                .toList());
    }

    /** A request from an earlier system, with the time it was first made. */
    public record BackloggedRequest(NewHealthCheck request, Instant requestedAt) {}

    private long takeIn(NewHealthCheck request, Instant requestedAt) {
        long id = checks.insert(request, requestedAt);

        var instance =
                runtime.createProcessInstanceByKey(HealthCheckProcess.KEY)
                        .businessKey(Long.toString(id))
                        .setVariable(Variables.CHECK_ID, id)
                        .setVariable(Variables.CHECK_TYPE, request.checkType().code())
                        .setVariable(Variables.PRIORITY, request.priority().code())
                        .setVariable(Variables.PATIENT, request.patientUsername())
                        .execute();
        checks.recordProcessInstance(id, instance.getProcessInstanceId());
        return id;
    }

    /** A check as the caller may see it; 404 for anyone else's. */
    public HealthCheck find(long id, Caller caller) {
        return checks.findById(id)
                .filter(check -> maySee(check, caller))
                .orElseThrow(() -> new HealthCheckNotFoundException(id));
    }

    public Page<HealthCheck> requestedBy(Caller caller, int page, int size) {
        return checks.findByPatient(caller.username(), page, size);
    }

    public Page<HealthCheck> assignedTo(Caller caller, int page, int size) {
        return consultants
                .findByUsername(caller.username())
                .map(consultant -> checks.findByConsultant(consultant.id(), page, size))
                .orElseGet(() -> new Page<>(List.of(), page, size, 0));
    }

    public Page<HealthCheck> all(CheckStatus status, int page, int size) {
        return checks.findAll(status, page, size);
    }

    /** The assigned consultant starts the consultation: the first Tasklist task completes. */
    public HealthCheck start(long id, Instant scheduledAt, Caller caller) {
        inTransaction(
                "Starting health check " + id,
                () -> {
                    HealthCheck check = lockForConsultant(id, caller);
                    requireState(check, CheckStatus.ASSIGNED, "started");

                    var variables = new HashMap<String, Object>();
                    variables.put(
                            Variables.SCHEDULED_AT,
                            scheduledAt == null ? null : Date.from(scheduledAt));
                    tasks.complete(
                            task(check, HealthCheckProcess.START_CONSULTATION).getId(), variables);
                });
        return checks.findById(id).orElseThrow();
    }

    /**
     * The consultant records the consultation: notes and recommendations, then completed. The
     * record is held to the rules the Tasklist form is held to ({@link ConsultationRecord}).
     */
    public HealthCheck complete(
            long id, String notes, String recommendations, boolean followUp, Caller caller) {
        ConsultationRecord record = ConsultationRecord.of(notes, recommendations, followUp);
        inTransaction(
                "Completing health check " + id,
                () -> {
                    HealthCheck check = lockForConsultant(id, caller);
                    requireState(check, CheckStatus.IN_PROGRESS, "completed");

                    var variables = new HashMap<String, Object>();
                    variables.put(Variables.NOTES, record.notes());
                    variables.put(Variables.RECOMMENDATIONS, record.recommendations());
                    variables.put(Variables.FOLLOW_UP_NEEDED, record.followUpNeeded());
                    tasks.complete(
                            task(check, HealthCheckProcess.RECORD_CONSULTATION).getId(), variables);
                });
        return checks.findById(id).orElseThrow();
    }

    /** The patient or a manager cancels; a held slot is given back by the process. */
    public HealthCheck cancel(long id, String reason, Caller caller) {
        inTransaction(
                "Cancelling health check " + id,
                () -> {
                    HealthCheck check = lock(id, caller);
                    boolean ownRequest = check.patientUsername().equals(caller.username());
                    if (!caller.oversees() && !ownRequest) {
                        throw new AccessDeniedException("Only the patient or a manager may cancel");
                    }
                    if (!check.status().isOpen()) {
                        throw new LifecycleConflictException(id, check.status(), "cancelled");
                    }

                    runtime.createMessageCorrelation(
                                    HealthCheckProcess.MESSAGE_CANCELLATION_REQUESTED)
                            .processInstanceId(check.processInstanceId())
                            .setVariable(Variables.CANCEL_REASON, reason)
                            .correlateWithResult();
                });
        return checks.findById(id).orElseThrow();
    }

    /** One command, all in one transaction; tried again when a job of its instance interfered. */
    private void inTransaction(String what, Runnable command) {
        ConcurrentChange.retry(
                what, () -> transaction.executeWithoutResult(status -> command.run()));
    }

    private HealthCheck lockForConsultant(long id, Caller caller) {
        HealthCheck check = lock(id, caller);
        boolean assignedToCaller = caller.username().equals(check.consultantUsername());
        if (!assignedToCaller && !caller.oversees()) {
            throw new AccessDeniedException(
                    "Only the assigned consultant or a manager may do this");
        }
        return check;
    }

    /** Waits for the row lock, then reads the check as it stands after any command before. */
    private HealthCheck lock(long id, Caller caller) {
        checks.lockStatus(id).orElseThrow(() -> new HealthCheckNotFoundException(id));
        return find(id, caller);
    }

    private static void requireState(HealthCheck check, CheckStatus expected, String step) {
        if (check.status() != expected) {
            throw new LifecycleConflictException(check.id(), check.status(), step);
        }
    }

    private Task task(HealthCheck check, String taskKey) {
        Task task =
                tasks.createTaskQuery()
                        .processInstanceId(check.processInstanceId())
                        .taskDefinitionKey(taskKey)
                        .singleResult();
        if (task == null) {
            throw new LifecycleConflictException(check.id(), check.status(), "moved on");
        }
        return task;
    }

    private boolean maySee(HealthCheck check, Caller caller) {
        if (caller.oversees()) {
            return true;
        }
        if (caller.is(Role.CONSULTANT) && caller.username().equals(check.consultantUsername())) {
            return true;
        }
        return check.patientUsername().equals(caller.username());
    }
}
