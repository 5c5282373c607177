package clinic.healthcheck.assignment;

import clinic.healthcheck.assignment.ConsultantPool.Choice;
import clinic.healthcheck.assignment.SlotReservation.Outcome;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.system.EngineTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives pending checks to the best consultants who can take them. Every trigger (a new request, a
 * consultant becoming available, a freed slot, the sweep, the command line) runs the same loop:
 * read the queue in priority order, ask the DMN which specializations fit, pick the best ranked
 * consultant with room, and commit each assignment in a transaction of its own.
 */
@Service
public class AssignmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentService.class);

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final AssignmentLogRepository auditLog;
    private final MatchingRules rules;
    private final SlotReservation reservation;
    private final EngineTransactions transactions;
    private final AssignmentProperties properties;
    private final Clock clock;

    AssignmentService(
            HealthCheckRepository checks,
            ConsultantRepository consultants,
            AssignmentLogRepository auditLog,
            MatchingRules rules,
            SlotReservation reservation,
            EngineTransactions transactions,
            AssignmentProperties properties,
            Clock clock) {
        this.checks = checks;
        this.consultants = consultants;
        this.auditLog = auditLog;
        this.rules = rules;
        this.reservation = reservation;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Serves the whole queue; a dry run decides the same but writes nothing. */
    public AssignmentTotals sweep(Trigger trigger, boolean dryRun, AssignmentListener listener) {
        var run = new Run(trigger, dryRun, listener);
        run.serveQueue(null, null);
        LOG.info(
                "Assignment run ({}{}) processed {} pending checks: {} assigned, {} waiting,"
                        + " {} failed",
                trigger.code(),
                dryRun ? ", dry run" : "",
                run.processed,
                run.assigned,
                run.waiting,
                run.failed);
        return run.totals();
    }

    /** The immediate attempt for one new request. */
    public boolean assignCheck(long checkId, Trigger trigger) {
        Optional<PendingCheck> check = checks.findPending(checkId);
        if (check.isEmpty()) {
            return false;
        }
        var run = new Run(trigger, false, AssignmentListener.NONE);
        run.serve(List.of(check.get()));
        run.flushWaits();
        return run.assigned == 1;
    }

    /**
     * Fills a consultant's free slots from the queue, in priority order, after they became
     * available, were given more room or finished a check. Only the types they may take are read,
     * and the run stops as soon as they are full.
     */
    public AssignmentTotals fillSlotsOf(long consultantId, Trigger trigger) {
        var run = new Run(trigger, false, AssignmentListener.NONE);
        Optional<Consultant> consultant = consultants.findById(consultantId);
        if (consultant.isEmpty() || !run.pool.hasRoom(consultantId)) {
            return run.totals();
        }

        Set<CheckType> types = typesTakenBy(consultant.get(), run.rules);
        if (!types.isEmpty()) {
            run.serveQueue(types, consultantId);
        }
        return run.totals();
    }

    private static Set<CheckType> typesTakenBy(
            Consultant consultant, MatchingRules.Snapshot rules) {
        Set<CheckType> types = EnumSet.noneOf(CheckType.class);
        for (CheckType type : CheckType.values()) {
            if (!consultant.prefers(type)) {
                continue;
            }
            for (Priority priority : Priority.values()) {
                if (rules.eligibleSpecializations(type, priority)
                        .contains(consultant.specializationKey())) {
                    types.add(type);
                    break;
                }
            }
        }
        return types;
    }

    /** One pass over (part of) the queue with one view of the rules and the consultants. */
    private final class Run {
        private final Trigger trigger;
        private final boolean dryRun;
        private final AssignmentListener listener;
        private final MatchingRules.Snapshot rules = AssignmentService.this.rules.snapshot();
        private final ConsultantPool pool = new ConsultantPool(consultants.findAll());
        private final List<Long> waitingIds = new ArrayList<>();
        private final List<WaitReason> waitReasons = new ArrayList<>();
        private int processed;
        private int assigned;
        private int failed;
        private int waiting;
        private int takenElsewhere;

        Run(Trigger trigger, boolean dryRun, AssignmentListener listener) {
            this.trigger = trigger;
            this.dryRun = dryRun;
            this.listener = listener;
        }

        /** Reads the queue page by page; a fill stops once its consultant is full. */
        void serveQueue(Set<CheckType> types, Long fillingFor) {
            PendingCheck after = null;
            while (fillingFor == null || pool.hasRoom(fillingFor)) {
                List<PendingCheck> page =
                        checks.pendingAfter(after, types, properties.queuePageSize());
                if (page.isEmpty()) {
                    break;
                }
                serve(page);
                flushWaits();
                after = page.get(page.size() - 1);
            }
        }

        void serve(List<PendingCheck> page) {
            for (PendingCheck check : page) {
                processed++;
                serve(check);
            }
        }

        private void serve(PendingCheck check) {
            List<String> specializations =
                    rules.eligibleSpecializations(check.checkType(), check.priority());
            Long sawPatientLast = lastConsultantIfFollowUp(check);

            Optional<Choice> choice;
            while ((choice = pool.choose(specializations, check.checkType(), sawPatientLast))
                    .isPresent()) {
                Candidate candidate = choice.get().candidate();
                Outcome outcome;
                try {
                    outcome = reserve(check, choice.get());
                } catch (RuntimeException e) {
                    recordFailure(check, candidate, e);
                    return;
                }

                switch (outcome) {
                    case RESERVED -> {
                        pool.tookSlot(candidate, now());
                        assigned++;
                        listener.assigned(check, candidate.consultant(), candidate.freeSlots());
                        if (!dryRun) {
                            LOG.info(
                                    "Health check {} assigned to consultant {} (trigger {})",
                                    check.id(),
                                    candidate.consultant().username(),
                                    trigger.code());
                        }
                        return;
                    }
                    case CHECK_TAKEN -> {
                        takenElsewhere++;
                        return;
                    }
                    case CONSULTANT_FULL -> {
                        pool.close(candidate);
                        sawPatientLast = null;
                    }
                }
            }

            WaitReason reason = pool.whyNobody(specializations, check.checkType());
            waiting++;
            listener.waiting(check, reason);
            if (!reason.code().equals(check.waitReason())) {
                waitingIds.add(check.id());
                waitReasons.add(reason);
            }
        }

        private Outcome reserve(PendingCheck check, Choice choice) {
            if (dryRun) {
                return Outcome.RESERVED;
            }
            String why = explain(choice);
            Consultant consultant = choice.candidate().consultant();
            return transactions.inNewTransaction(
                    () -> reservation.reserve(check, consultant, why, trigger, now()));
        }

        private Long lastConsultantIfFollowUp(PendingCheck check) {
            if (check.checkType() != CheckType.FOLLOW_UP || !pool.anyRoom()) {
                return null;
            }
            return checks.lastConsultantOf(check.patientUsername()).orElse(null);
        }

        private void recordFailure(PendingCheck check, Candidate candidate, RuntimeException e) {
            failed++;
            listener.failed(check);
            LOG.warn(
                    "Health check {} could not be assigned to consultant {}: {}. The next sweep"
                            + " tries again; if it keeps failing, look for an incident or a"
                            + " deleted process instance in Cockpit.",
                    check.id(),
                    candidate.consultant().username(),
                    e.getClass().getSimpleName());
            if (!dryRun) {
                String message = "technical failure: " + e.getClass().getSimpleName();
                transactions.inNewTransaction(
                        () -> {
                            auditLog.error(check.id(), message, trigger, now());
                            return null;
                        });
            }
        }

        /** Audits each wait once, and again only when its reason changes. */
        void flushWaits() {
            if (dryRun || waitingIds.isEmpty()) {
                waitingIds.clear();
                waitReasons.clear();
                return;
            }
            var ids = List.copyOf(waitingIds);
            var reasons = List.copyOf(waitReasons);
            transactions.inNewTransaction(
                    () -> {
                        auditLog.waits(ids, reasons, trigger, now());
                        checks.recordWaitReasons(
                                ids, reasons.stream().map(WaitReason::code).toList());
                        return null;
                    });
            waitingIds.clear();
            waitReasons.clear();
        }

        AssignmentTotals totals() {
            return new AssignmentTotals(processed, assigned, failed, waiting, takenElsewhere);
        }

        private static String explain(Choice choice) {
            Candidate candidate = choice.candidate();
            Consultant consultant = candidate.consultant();
            String rating =
                    consultant.averageRating() == null
                            ? "no rating yet"
                            : "rating " + consultant.averageRating();
            return String.format(
                    "rank %d of %d fitting consultants with room; %s; load %d of %d before this"
                            + " check%s",
                    choice.rank(),
                    choice.fittingWithRoom(),
                    rating,
                    candidate.load(),
                    consultant.maxConcurrentChecks(),
                    choice.continuity() ? "; saw this patient last" : "");
        }

        private Instant now() {
            return clock.instant();
        }
    }
}
