package clinic.healthcheck.cli;

import clinic.healthcheck.cli.Table.Share;
import clinic.healthcheck.reporting.Analytics;
import clinic.healthcheck.reporting.Figures;
import clinic.healthcheck.reporting.Figures.ConsultantLoad;
import clinic.healthcheck.reporting.Figures.GroupLoad;
import clinic.healthcheck.reporting.Period;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * The monthly report: per consultant, the average load over the month (checks held at once,
 * time-weighted) against their maximum, the checks assigned and completed, and the rating; then the
 * same by specialization. A month still running counts up to now.
 */
@Component
class UtilizationReportCommand {

    private final Analytics analytics;

    UtilizationReportCommand(Analytics analytics) {
        this.analytics = analytics;
    }

    int run(YearMonth month, boolean csv, PrintStream out) {
        Figures figures = analytics.figures(Period.ofMonth(month));

        var consultants =
                new Table(
                        "consultant",
                        "name",
                        "specialization",
                        "max",
                        "average_load",
                        "utilization",
                        "assigned",
                        "completed",
                        "rating");
        for (ConsultantLoad load : figures.utilization().byConsultant()) {
            consultants.row(
                    load.username(),
                    load.name(),
                    load.specialization(),
                    load.max(),
                    twoDecimals(load.averageLoad()),
                    new Share(load.averageUtilization()),
                    load.assigned(),
                    load.completed(),
                    load.rating());
        }
        if (csv) {
            consultants.printCsv(out);
            return 0;
        }

        var specializations =
                new Table("specialization", "consultants", "max", "average_load", "utilization");
        for (GroupLoad group : figures.utilization().bySpecialization()) {
            specializations.row(
                    group.name(),
                    group.consultants(),
                    group.max(),
                    twoDecimals(group.averageLoad()),
                    new Share(group.averageUtilization()));
        }
        out.printf("Utilization in %s (%s to %s)%n", month, figures.from(), figures.to());
        consultants.printSection("By consultant", "No consultants.", out);
        specializations.printSection("By specialization", "No consultants.", out);
        out.printf(
                "%nAverage load: checks held at once, time-weighted over the month up to now.%n"
                        + "Utilization: that load of today's maximum (- for a maximum of 0).%n");
        return 0;
    }

    /** Prints as 0.50 in every locale and aligns as a number. */
    private static BigDecimal twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
