package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.system.EngineTransactions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives pending checks to the best consultants who can take them. Every trigger (a new request, a
 * consultant becoming available, a freed slot, the sweep, the command line) runs the same loop:
 * read the queue in priority order, ask the DMN which specializations fit, pick the best ranked
 * consultant with room, and commit the assignments in batches (see {@link AssignmentRun}).
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
        var run = newRun(trigger, dryRun, listener, rules.snapshot(), consultants::findAll);
        run.serveQueue(null, null);
        AssignmentTotals totals = run.totals();
        LOG.info(
                "Assignment run ({}{}) processed {} pending checks: {} assigned, {} waiting,"
                        + " {} failed",
                trigger.code(),
                dryRun ? ", dry run" : "",
                totals.processed(),
                totals.assigned(),
                totals.waiting(),
                totals.failed());
        return totals;
    }

    /**
     * The immediate attempt for one new request. Only consultants of the specializations the rules
     * allow for it are read: the others could neither take it nor explain why it waits.
     */
    public boolean assignCheck(long checkId, Trigger trigger) {
        Optional<PendingCheck> check = checks.findPending(checkId);
        if (check.isEmpty()) {
            return false;
        }
        MatchingRules.Snapshot snapshot = rules.snapshot();
        List<String> allowed =
                snapshot.eligibleSpecializations(check.get().checkType(), check.get().priority());
        var run =
                newRun(
                        trigger,
                        false,
                        AssignmentListener.NONE,
                        snapshot,
                        () -> consultants.findBySpecializations(allowed));
        run.serve(List.of(check.get()), () -> false);
        return run.totals().assigned() == 1;
    }

    /**
     * Fills a consultant's free slots from the queue, in priority order, after they became
     * available, were given more room or finished a check. Only the types they may take are read,
     * and the run stops as soon as they are full.
     */
    public AssignmentTotals fillSlotsOf(long consultantId, Trigger trigger) {
        Optional<Consultant> consultant = consultants.findById(consultantId);
        if (consultant.isEmpty()) {
            return new AssignmentTotals(0, 0, 0, 0, 0);
        }
        var run =
                newRun(
                        trigger,
                        false,
                        AssignmentListener.NONE,
                        rules.snapshot(),
                        consultants::findAll);
        if (!run.pool().hasRoom(consultantId)) {
            return run.totals();
        }

        Set<CheckType> types = typesTakenBy(consultant.get(), run.rules());
        if (!types.isEmpty()) {
            run.serveQueue(types, consultantId);
        }
        return run.totals();
    }

    private AssignmentRun newRun(
            Trigger trigger,
            boolean dryRun,
            AssignmentListener listener,
            MatchingRules.Snapshot snapshot,
            Supplier<List<Consultant>> roster) {
        return new AssignmentRun(
                new AssignmentRun.Context(
                        trigger,
                        dryRun,
                        listener,
                        snapshot,
                        checks,
                        consultants,
                        auditLog,
                        reservation,
                        transactions,
                        properties,
                        clock),
                roster);
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
}
