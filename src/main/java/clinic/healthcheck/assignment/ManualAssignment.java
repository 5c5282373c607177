package clinic.healthcheck.assignment;

import clinic.healthcheck.assignment.AssignmentRefusedException.Reason;
import clinic.healthcheck.assignment.ManualReservation.Assignment;
import clinic.healthcheck.assignment.SlotReservation.Outcome;
import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckNotFoundException;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.LifecycleConflictException;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.people.Caller;
import clinic.healthcheck.system.InvalidFieldException;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(ManualAssignment.class);

    static final int MAX_REASON = 500;

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final ConsultantChoices choices;
    private final ManualReservation reservation;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ManualAssignment(
            HealthCheckRepository checks,
            ConsultantRepository consultants,
            ConsultantChoices choices,
            ManualReservation reservation,
            RuntimeService runtime,
            TransactionTemplate transaction,
            Clock clock) {
        this.checks = checks;
        this.consultants = consultants;
        this.choices = choices;
        this.reservation = reservation;
        this.runtime = runtime;
        this.transaction = transaction;
        this.clock = clock;
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
                    reservePending(assignment);
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
                    reassign(assignment);
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
        String reason = reasonOf("reason", request.overCapacity(), request.reason());
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
                                    why(check, consultant, caller.username(), trigger, reason),
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
                reasonOf(HealthCheckProcess.Variables.ASSIGNMENT_REASON, overCapacity, reason);
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
        reservePending(
                new Assignment(
                        check,
                        consultant,
                        overCapacity,
                        why(check, consultant, assignedBy, Trigger.ESCALATION, reasonText),
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

    private void reservePending(Assignment assignment) {
        requireFit(assignment);
        Outcome outcome = reservation.reserve(assignment, clock.instant());
        explain(assignment, outcome);
    }

    private void reassign(Assignment assignment) {
        HealthCheck check = assignment.check();
        if (check.consultantId().equals(assignment.consultant().id())) {
            throw new AssignmentRefusedException(
                    Reason.ALREADY_ASSIGNED,
                    "Health check "
                            + check.id()
                            + " is assigned to "
                            + check.consultantUsername()
                            + " already");
        }
        requireFit(assignment);
        Outcome outcome = reservation.reassign(assignment, check.consultantId(), clock.instant());
        explain(assignment, outcome);
    }

    private void requireFit(Assignment assignment) {
        HealthCheck check = assignment.check();
        Consultant consultant = assignment.consultant();
        if (!choices.allows(check, consultant)) {
            throw new AssignmentRefusedException(
                    Reason.NO_SPECIALIZATION,
                    "The eligibility table does not let "
                            + consultant.specialization()
                            + " take a "
                            + check.checkType().code()
                            + " check of priority "
                            + check.priority().code());
        }
    }

    /** Turns an outcome other than a reserved slot into a refusal that says why. */
    private void explain(Assignment assignment, Outcome outcome) {
        HealthCheck check = assignment.check();
        Consultant consultant = consultants.findById(assignment.consultant().id()).orElseThrow();
        switch (outcome) {
            case RESERVED ->
                    LOG.info(
                            "Health check {} assigned by hand to consultant {} by {} (trigger {})",
                            check.id(),
                            consultant.username(),
                            assignment.assignedBy(),
                            assignment.trigger().code());
            case CHECK_TAKEN ->
                    throw new AssignmentRefusedException(
                            Reason.ALREADY_ASSIGNED,
                            "Health check " + check.id() + " was assigned meanwhile");
            case CONSULTANT_FULL -> {
                if (consultant.status() != ConsultantStatus.AVAILABLE) {
                    throw new AssignmentRefusedException(
                            Reason.NOT_AVAILABLE,
                            consultant.username()
                                    + " is "
                                    + consultant.status().code()
                                    + ", not available");
                }
                throw new AssignmentRefusedException(
                        Reason.NO_FREE_SLOT,
                        consultant.username()
                                + " has "
                                + consultant.currentAssignments()
                                + " of "
                                + consultant.maxConcurrentChecks()
                                + " slots in use; a manager may assign over capacity with a"
                                + " reason");
            }
        }
    }

    private String why(
            HealthCheck check, Consultant consultant, String by, Trigger trigger, String reason) {
        String load =
                "load "
                        + consultant.currentAssignments()
                        + " of "
                        + consultant.maxConcurrentChecks()
                        + " before this check";
        String what =
                switch (trigger) {
                    case SELF_ASSIGNMENT -> by + " took the check for themselves";
                    case ESCALATION ->
                            by
                                    + " assigned it by hand to "
                                    + consultant.username()
                                    + " (Assign manually, past its due time)";
                    default ->
                            check.status() == CheckStatus.ASSIGNED
                                    ? by
                                            + " reassigned it from "
                                            + check.consultantUsername()
                                            + " to "
                                            + consultant.username()
                                    : by + " assigned it by hand to " + consultant.username();
                };
        String rank =
                choices.forCheck(check).stream()
                        .filter(choice -> choice.username().equals(consultant.username()))
                        .findFirst()
                        .map(choice -> "; rank " + choice.rank() + " of those on offer")
                        .orElse("");
        return what + rank + "; " + load + (reason == null ? "" : "; reason: " + reason);
    }

    private static String reasonOf(String field, boolean overCapacity, String reason) {
        String text = reason == null ? "" : reason.trim();
        if (overCapacity && text.isEmpty()) {
            throw new InvalidFieldException(field, "is required to assign over capacity");
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidFieldException(field, "must be at most " + MAX_REASON + " characters");
        }
        return text.isEmpty() ? null : text;
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
