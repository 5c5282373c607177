package clinic.healthcheck.cli;

import clinic.healthcheck.cli.Table.Seconds;
import clinic.healthcheck.cli.Table.Share;
import clinic.healthcheck.reporting.Analytics;
import clinic.healthcheck.reporting.Figures;
import clinic.healthcheck.reporting.Figures.TimeToAssign;
import clinic.healthcheck.reporting.Period;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * The weekly report: assignment attempts by result, failed attempts by what failed, waits by their
 * reason, and per priority how many checks missed their due time. The figures are those of the
 * analytics API for the same period. Patients appear nowhere, not even by check id.
 */
@Component
class AssignmentReportCommand {

    private final Analytics analytics;
    private final Clock clock;

    AssignmentReportCommand(Analytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    /** The days up to now; returns the exit code: 0, or 1 when an attempt failed. */
    int run(int sinceDays, boolean csv, PrintStream out) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return run(Period.lastDays(sinceDays, now), csv, out);
    }

    int run(Period period, boolean csv, PrintStream out) {
        Figures figures = analytics.figures(period);

        var attempts = new Table("result", "attempts", "checks");
        figures.attempts().forEach(a -> attempts.row(a.result(), a.attempts(), a.checks()));

        var errors = new Table("message", "attempts", "checks", "last");
        figures.errors().forEach(e -> errors.row(e.message(), e.attempts(), e.checks(), e.last()));

        var waits = new Table("reason", "checks", "attempts", "explanation");
        figures.waits()
                .forEach(w -> waits.row(w.reason(), w.checks(), w.attempts(), w.explanation()));

        var breaches = breaches(figures);

        if (csv) {
            out.println("section,item,measure,value");
            attempts.printCsvRecords("attempts", out);
            errors.printCsvRecords("errors", out);
            waits.printCsvRecords("waits", out);
            breaches.printCsvRecords("breaches", out);
        } else {
            out.printf("Assignment report from %s to %s%n", figures.from(), figures.to());
            attempts.printSection("Attempts by result", "No attempts.", out);
            errors.printSection("Failed attempts by what failed", "No failed attempts.", out);
            waits.printSection("Waits for want of a fitting consultant", "No waits.", out);
            breaches.printSection(
                    "Due times of the checks requested in the period, by priority", "", out);
        }
        return figures.errors().isEmpty() ? 0 : 1;
    }

    private static Table breaches(Figures figures) {
        var table =
                new Table(
                        "priority",
                        "requested",
                        "assigned",
                        "p50",
                        "p90",
                        "max",
                        "longest_due",
                        "breached",
                        "breach_share",
                        "waiting_past_due");
        for (TimeToAssign row : figures.timeToAssign()) {
            table.row(
                    row.priority(),
                    row.requested(),
                    row.assigned().count(),
                    new Seconds(row.assigned().p50Seconds()),
                    new Seconds(row.assigned().p90Seconds()),
                    new Seconds(row.assigned().maxSeconds()),
                    new Seconds(row.dueWithinMaxSeconds()),
                    row.breached(),
                    new Share(row.breachShare()),
                    row.waitingPastDue());
        }
        var all = figures.breaches();
        table.row(
                "all",
                figures.timeToAssign().stream().mapToLong(TimeToAssign::requested).sum(),
                figures.timeToAssign().stream().mapToLong(row -> row.assigned().count()).sum(),
                null,
                null,
                null,
                null,
                all.breached(),
                new Share(all.share()),
                all.waitingPastDue());
        return table;
    }
}
