package clinic.healthcheck.assignment;

import clinic.healthcheck.assignment.AssignmentRefusedException.Reason;
import clinic.healthcheck.assignment.ManualReservation.Assignment;
import clinic.healthcheck.assignment.SlotReservation.Outcome;
import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.system.InvalidFieldException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A slot taken by hand as the rules allow, or a refusal that says why: the eligibility table must
 * let the consultant take the check, and the slot must be free unless a manager overrides. Says for
 * the audit who gave the check to whom, at which rank and load, and why.
 */
@Component
class ManualSlot {

    private static final Logger LOG = LoggerFactory.getLogger(ManualSlot.class);

    static final int MAX_REASON = 500;

    private final ConsultantRepository consultants;
    private final ConsultantChoices choices;
    private final ManualReservation reservation;
    private final Clock clock;

    ManualSlot(
            ConsultantRepository consultants,
            ConsultantChoices choices,
            ManualReservation reservation,
            Clock clock) {
        this.consultants = consultants;
        this.choices = choices;
        this.reservation = reservation;
        this.clock = clock;
    }

    /** A pending check to its first consultant. */
    void takePending(Assignment assignment) {
        requireFit(assignment);
        Outcome outcome = reservation.reserve(assignment, clock.instant());
        explain(assignment, outcome);
    }

    /** An assigned check, not yet started, to another consultant. */
    void takeOver(Assignment assignment) {
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
                                    + " is not available (status "
                                    + consultant.status().code()
                                    + ")");
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

    /** The audit's account of a manual assignment. */
    String describe(
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

    /** The reason given, trimmed; required to go over capacity. */
    static String reasonOf(String field, boolean overCapacity, String reason) {
        String text = reason == null ? "" : reason.trim();
        if (overCapacity && text.isEmpty()) {
            throw new InvalidFieldException(field, "is required to assign over capacity");
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidFieldException(field, "must be at most " + MAX_REASON + " characters");
        }
        return text.isEmpty() ? null : text;
    }
}
