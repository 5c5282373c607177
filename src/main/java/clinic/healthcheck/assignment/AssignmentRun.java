package clinic.healthcheck.assignment;

import clinic.healthcheck.assignment.AssignmentBatch.Outcome;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.system.EngineTransactions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over (part of) the queue with one view of the rules and the consultants. The queue is
 * read page by page; each page is served in batches, a transaction each. A batch that fails rolls
 * back as a whole; its checks are then served one transaction each, so one check that cannot be
 * assigned holds up no other.
 */
final class AssignmentRun {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentRun.class);

    private static final int FIRST_FILL_PAGE = 32;

    /** What every batch of a run works with. */
    record Context(
            Trigger trigger,
            boolean dryRun,
            AssignmentListener listener,
            MatchingRules.Snapshot rules,
            HealthCheckRepository checks,
            ConsultantRepository consultants,
            AssignmentLogRepository auditLog,
            SlotReservation reservation,
            EngineTransactions transactions,
            AssignmentProperties properties,
            Clock clock) {

        int assignmentsPerTransaction() {
            return properties.assignmentsPerTransaction();
        }
    }

    private final Context context;
    private final FollowUps followUps;
    private ConsultantPool pool;
    private int processed;
    private int assigned;
    private int failed;
    private int waiting;
    private int takenElsewhere;

    private final Supplier<List<Consultant>> roster;

    /** A run over the queue, ranking the consultants {@code roster} reads. */
    AssignmentRun(Context context, Supplier<List<Consultant>> roster) {
        this.context = context;
        this.roster = roster;
        this.pool = new ConsultantPool(roster.get());
        this.followUps = new FollowUps(context.checks());
    }

    ConsultantPool pool() {
        return pool;
    }

    MatchingRules.Snapshot rules() {
        return context.rules();
    }

    /**
     * Reads the queue page by page. A fill stops as soon as its consultant is full; it needs a few
     * checks, not hundreds, so its pages start small and grow only while they fall short.
     */
    void serveQueue(Set<CheckType> types, Long fillingFor) {
        BooleanSupplier full = () -> fillingFor != null && !pool.hasRoom(fillingFor);
        int pageSize = context.properties().queuePageSize();
        if (fillingFor != null) {
            pageSize = Math.min(pageSize, FIRST_FILL_PAGE);
        }
        PendingCheck after = null;
        while (!full.getAsBoolean()) {
            List<PendingCheck> page = context.checks().pendingAfter(after, types, pageSize);
            if (page.isEmpty()) {
                break;
            }
            serve(page, full);
            after = page.get(page.size() - 1);
            pageSize = Math.min(2 * pageSize, context.properties().queuePageSize());
        }
    }

    /** Serves the checks in order, in batches, until they are done or {@code enough} says so. */
    void serve(List<PendingCheck> page, BooleanSupplier enough) {
        Deque<PendingCheck> queue = new ArrayDeque<>(page);
        while (!queue.isEmpty() && !enough.getAsBoolean()) {
            var batch = new AssignmentBatch(context, pool, followUps, context.clock().instant());
            try {
                inTransaction(() -> batch.serve(queue, Integer.MAX_VALUE, enough));
            } catch (RuntimeException e) {
                // All of the batch rolled back: start again from what the database holds.
                pool = new ConsultantPool(roster.get());
                followUps.forgetAll();
                batch.served().forEach(this::serveAlone);
                continue;
            }
            report(batch.outcomes());
        }
    }

    AssignmentTotals totals() {
        return new AssignmentTotals(processed, assigned, failed, waiting, takenElsewhere);
    }

    private void serveAlone(PendingCheck check) {
        Deque<PendingCheck> queue = new ArrayDeque<>(List.of(check));
        while (!queue.isEmpty()) {
            var batch = new AssignmentBatch(context, pool, followUps, context.clock().instant());
            try {
                inTransaction(() -> batch.serve(queue, 1, () -> false));
            } catch (RuntimeException e) {
                recordFailure(check, batch.attempted(), e);
                return;
            }
            report(batch.outcomes());
        }
    }

    private void inTransaction(Runnable work) {
        if (context.dryRun()) {
            work.run();
            return;
        }
        context.transactions()
                .inNewTransaction(
                        () -> {
                            work.run();
                            return null;
                        });
    }

    /** Counts and reports what a batch did, once it has committed. */
    private void report(List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            processed++;
            switch (outcome.kind()) {
                case ASSIGNED -> {
                    assigned++;
                    context.listener()
                            .assigned(
                                    outcome.check(), outcome.consultant(), outcome.freeSlotsLeft());
                    if (!context.dryRun()) {
                        LOG.info(
                                "Health check {} assigned to consultant {} (trigger {})",
                                outcome.check().id(),
                                outcome.consultant().username(),
                                context.trigger().code());
                    }
                }
                case TAKEN_ELSEWHERE -> takenElsewhere++;
                case WAITING -> {
                    waiting++;
                    context.listener().waiting(outcome.check(), outcome.reason());
                }
            }
        }
    }

    private void recordFailure(
            PendingCheck check, Optional<Consultant> consultant, RuntimeException e) {
        processed++;
        failed++;
        context.listener().failed(check);
        LOG.warn(
                "Health check {} could not be assigned{}: {}. The next sweep tries again; if it"
                        + " keeps failing, look for an incident or a deleted process instance in"
                        + " Cockpit.",
                check.id(),
                consultant.map(c -> " to consultant " + c.username()).orElse(""),
                e.getClass().getSimpleName());
        if (!context.dryRun()) {
            String message = "technical failure: " + e.getClass().getSimpleName();
            context.transactions()
                    .inNewTransaction(
                            () -> {
                                context.auditLog()
                                        .error(
                                                check.id(),
                                                message,
                                                context.trigger(),
                                                context.clock().instant());
                                return null;
                            });
        }
    }
}
