package clinic.healthcheck.cli;

import clinic.healthcheck.assignment.AssignmentListener;
import clinic.healthcheck.assignment.AssignmentService;
import clinic.healthcheck.assignment.AssignmentTotals;
import clinic.healthcheck.assignment.CapacityReconciler;
import clinic.healthcheck.assignment.Trigger;
import clinic.healthcheck.assignment.WaitReason;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.consultants.Consultant;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Serves the whole queue once and prints, per priority, what is (or in a dry run would be) assigned
 * to whom and how many free slots that consultant keeps, then the totals.
 */
@Component
class AssignCommand {

    private final AssignmentService assignment;
    private final CapacityReconciler reconciler;

    AssignCommand(AssignmentService assignment, CapacityReconciler reconciler) {
        this.assignment = assignment;
        this.reconciler = reconciler;
    }

    int run(boolean dryRun, boolean verbose, PrintStream out) {
        long started = System.nanoTime();
        if (!dryRun) {
            reconciler.reconcile();
        }

        var report = new Report(out, dryRun, verbose);
        AssignmentTotals totals = assignment.sweep(Trigger.COMMAND_LINE, dryRun, report);
        report.closeSection();

        out.printf(
                "%nTotals%s: processed %d, assigned %d, failed %d, still waiting %d"
                        + " (taken by another node meanwhile: %d) in %.2f s%n",
                dryRun ? " (dry run, nothing changed)" : "",
                totals.processed(),
                totals.assigned(),
                totals.failed(),
                totals.waiting(),
                totals.takenElsewhere(),
                (System.nanoTime() - started) / 1e9);
        return totals.failed() == 0 ? 0 : 1;
    }

    /** Prints as the run goes; the queue arrives in priority order, so sections follow it. */
    private static final class Report implements AssignmentListener {
        private final PrintStream out;
        private final boolean dryRun;
        private final boolean verbose;
        private Priority section;
        private int assigned;
        private int waiting;
        private final Map<WaitReason, Integer> reasons = new EnumMap<>(WaitReason.class);

        Report(PrintStream out, boolean dryRun, boolean verbose) {
            this.out = out;
            this.dryRun = dryRun;
            this.verbose = verbose;
        }

        @Override
        public void assigned(PendingCheck check, Consultant consultant, int freeSlotsLeft) {
            enter(check.priority());
            assigned++;
            out.printf(
                    "  check %d (%s) %s %s, %d free slot%s left%n",
                    check.id(),
                    check.checkType().code(),
                    dryRun ? "would go to" : "->",
                    consultant.username(),
                    freeSlotsLeft,
                    freeSlotsLeft == 1 ? "" : "s");
        }

        @Override
        public void waiting(PendingCheck check, WaitReason reason) {
            enter(check.priority());
            waiting++;
            reasons.merge(reason, 1, Integer::sum);
            if (verbose) {
                out.printf(
                        "  check %d (%s) waits: %s%n",
                        check.id(), check.checkType().code(), reason.explanation());
            }
        }

        @Override
        public void failed(PendingCheck check) {
            enter(check.priority());
            out.printf(
                    "  check %d (%s) FAILED, see the log%n", check.id(), check.checkType().code());
        }

        private void enter(Priority priority) {
            if (priority != section) {
                closeSection();
                section = priority;
                out.printf("%n%s%n", priority.code());
            }
        }

        void closeSection() {
            if (section == null) {
                return;
            }
            out.printf("  %s: %d assigned, %d waiting%n", section.code(), assigned, waiting);
            reasons.forEach(
                    (reason, count) ->
                            out.printf("    %d waiting: %s%n", count, reason.explanation()));
            assigned = 0;
            waiting = 0;
            reasons.clear();
        }
    }
}
