package clinic.healthcheck.assignment;

import clinic.healthcheck.assignment.AssignmentRefusedException.Reason;
import clinic.healthcheck.assignment.ManualReservation.Assignment;
import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckNotFoundException;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.LifecycleConflictException;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.people.Caller;
import clinic.healthcheck.system.InvalidFieldException;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks given to a consultant by hand. A consultant takes a pending check for themselves; a
 * manager gives a pending check to anyone, reassigns one that has not started, and alone may go
 * over a consultant's capacity, with a reason. (The security configuration lets only consultants,
 * managers and admins call these.) The eligibility table still decides who may take a check; every
 * assignment is audited as manual, with who made it and why; and the slot is taken by the same
 * conditional updates as the automatic path, under the check's row lock.
 */
@Service
public class ManualAssignment {

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final ConsultantChoices choices;
    private final ManualSlot slot;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    ManualAssignment(
            HealthCheckRepository checks,
            ConsultantRepository consultants,
            ConsultantChoices choices,
            ManualSlot slot,
            RuntimeService runtime,
            TransactionTemplate transaction) {
        this.checks = checks;
        this.consultants = consultants;
        this.choices = choices;
        this.slot = slot;
        this.runtime = runtime;
        this.transaction = transaction;
    }

    /** What a caller asks for through the API; {@code consultant} null means the caller. */
    public record Request(String consultant, boolean overCapacity, String reason) {}

    /**
     * Gives a pending check to a consultant through the API, in a transaction of its own. If the
     * check was assigned meanwhile (automatically, or by someone else), this one loses with a
     * conflict and changes nothing.
     */
    public HealthCheck assign(long checkId, Caller caller, Request request) {
        boolean manager = caller.oversees();
        String target = request.consultant() == null ? "" : request.consultant().trim();
        if (target.isEmpty() && !manager) {
            target = caller.username();
        }
        if (target.isEmpty()) {
            throw new InvalidFieldException("consultant", "is required");
        }
        if (!manager && (!target.equals(caller.username()) || request.overCapacity())) {
            throw new AccessDeniedException(
                    "Consultants take checks for themselves only, and within their capacity");
        }
        Trigger trigger = manager ? Trigger.MANUAL : Trigger.SELF_ASSIGNMENT;

        return inTransaction(
                checkId,
                caller,
                target,
                request,
                trigger,
                (check, assignment) -> {
                    slot.takePending(assignment);
                    correlate(check, HealthCheckProcess.MESSAGE_CONSULTANT_ASSIGNED, assignment);
                },
                CheckStatus.PENDING);
    }

    /**
     * A manager gives an assigned check that has not started to another consultant, for instance
     * because the first went offline. The first consultant's task and slot are given back.
     */
    public HealthCheck reassign(long checkId, Caller caller, Request request) {
        if (!caller.oversees()) {
            throw new AccessDeniedException("Only managers reassign checks");
        }
        String target = request.consultant() == null ? "" : request.consultant().trim();
        if (target.isEmpty()) {
            throw new InvalidFieldException("consultant", "is required");
        }

        return inTransaction(
                checkId,
                caller,
                target,
                request,
                Trigger.MANUAL,
                (check, assignment) -> {
                    slot.takeOver(assignment);
                    correlate(check, HealthCheckProcess.MESSAGE_CONSULTANT_REASSIGNED, assignment);
                },
                CheckStatus.ASSIGNED);
    }

    /** What a manual command does to the locked check, once it is known to be in its state. */
    private interface Step {
        void take(HealthCheck check, Assignment assignment);
    }

    private HealthCheck inTransaction(
            long checkId,
            Caller caller,
            String consultantName,
            Request request,
            Trigger trigger,
            Step step,
            CheckStatus expected) {
        String reason = ManualSlot.reasonOf("reason", request.overCapacity(), request.reason());
        transaction.executeWithoutResult(
                status -> {
                    CheckStatus state = lock(checkId);
                    HealthCheck check = checks.findById(checkId).orElseThrow();
                    boolean holdsIt = caller.username().equals(check.consultantUsername());
                    // a consultant learns nothing of a check that is neither waiting nor theirs
                    if (!caller.oversees() && state != CheckStatus.PENDING && !holdsIt) {
                        throw new HealthCheckNotFoundException(checkId);
                    }
                    if (state != expected) {
                        throw new LifecycleConflictException(
                                checkId,
                                state,
                                expected == CheckStatus.PENDING ? "assigned" : "reassigned");
                    }
                    Consultant consultant = consultant("consultant", consultantName);
                    step.take(
                            check,
                            new Assignment(
                                    check,
                                    consultant,
                                    request.overCapacity(),
                                    slot.describe(
                                            check, consultant, caller.username(), trigger, reason),
                                    trigger,
                                    caller.username()));
                });
        return checks.findById(checkId).orElseThrow();
    }

    /**
     * The manager's choice in the "Assign manually" task, inside the engine's command that
     * completes it: the process itself moves on and withdraws the wait.
     */
    public Consultant assignChosen(
            long checkId,
            String consultantName,
            boolean overCapacity,
            String reason,
            String assignedBy) {
        String reasonText =
                ManualSlot.reasonOf(
                        HealthCheckProcess.Variables.ASSIGNMENT_REASON, overCapacity, reason);
        if (consultantName == null || consultantName.isBlank()) {
            throw new InvalidFieldException(
                    HealthCheckProcess.Variables.CHOSEN_CONSULTANT, "is required");
        }

        CheckStatus state = lock(checkId);
        if (state != CheckStatus.PENDING) {
            throw new AssignmentRefusedException(
                    Reason.ALREADY_ASSIGNED,
                    "Health check "
                            + checkId
                            + " is "
                            + state.code()
                            + " already; nothing changed");
        }
        HealthCheck check = checks.findById(checkId).orElseThrow();
        Consultant consultant =
                consultant(HealthCheckProcess.Variables.CHOSEN_CONSULTANT, consultantName.trim());
        slot.takePending(
                new Assignment(
                        check,
                        consultant,
                        overCapacity,
                        slot.describe(
                                check, consultant, assignedBy, Trigger.ESCALATION, reasonText),
                        Trigger.ESCALATION,
                        assignedBy));
        return consultant;
    }

    /** The consultants a manager may choose from, best first. */
    public List<ConsultantChoice> choicesFor(long checkId) {
        return choices.forCheck(
                checks.findById(checkId)
                        .orElseThrow(() -> new HealthCheckNotFoundException(checkId)));
    }

    /** The pending checks a consultant may take for themselves, in queue order. */
    public List<PendingCheck> claimableBy(Caller caller, int limit) {
        return consultants
                .findByUsername(caller.username())
                .map(consultant -> choices.claimableBy(consultant, limit))
                .orElse(List.of());
    }

    private CheckStatus lock(long checkId) {
        return checks.lockStatus(checkId)
                .orElseThrow(() -> new HealthCheckNotFoundException(checkId));
    }

    private Consultant consultant(String field, String username) {
        return consultants
                .findByUsername(username)
                .orElseThrow(
                        () ->
                                new InvalidFieldException(
                                        field, "no consultant is called " + username));
    }

    private void correlate(HealthCheck check, String message, Assignment assignment) {
        runtime.createMessageCorrelation(message)
                .processInstanceId(check.processInstanceId())
                .setVariable(
                        HealthCheckProcess.Variables.CONSULTANT, assignment.consultant().username())
                .correlateWithResult();
    }
}
