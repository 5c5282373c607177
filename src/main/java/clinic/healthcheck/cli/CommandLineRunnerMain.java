package clinic.healthcheck.cli;

import clinic.healthcheck.cli.CommandOptions.UsageError;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs the command named on the command line, then lets the application exit with its code. */
@Component
@ConditionalOnProperty(CommandLineMode.ACTIVE_PROPERTY)
class CommandLineRunnerMain implements CommandLineRunner, ExitCodeGenerator {

    private static final String SINCE_DAYS = "--since-days";
    private static final String MONTH = "--month";
    private static final String CSV = "--csv";

    private final AssignCommand assign;
    private final ImportCommand importer;
    private final MailReportCommand mailReport;
    private final AssignmentReportCommand report;
    private final UtilizationReportCommand utilization;
    private final Clock clock;
    private int exitCode;

    CommandLineRunnerMain(
            AssignCommand assign,
            ImportCommand importer,
            MailReportCommand mailReport,
            AssignmentReportCommand report,
            UtilizationReportCommand utilization,
            Clock clock) {
        this.assign = assign;
        this.importer = importer;
        this.mailReport = mailReport;
        this.report = report;
        this.utilization = utilization;
        this.clock = clock;
    }

    @Override
    public void run(String... args) {
        // "--name=value" arguments are Spring settings (a profile, a datasource), not ours
        List<String> words =
                Arrays.stream(args).filter(arg -> !arg.matches("--[\\w.-]+=.*")).toList();
        if (words.contains(CommandLineMode.ASSIGN)) {
            exitCode = runAssign(words);
        } else if (words.contains(CommandLineMode.MAIL_REPORT)) {
            exitCode = runMailReport(words);
        } else if (words.contains(CommandLineMode.REPORT)) {
            exitCode = runReport(words);
        } else if (words.contains(CommandLineMode.UTILIZATION)) {
            exitCode = runUtilization(words);
        } else {
            exitCode = runImport(words);
        }
    }

    private int runMailReport(List<String> words) {
        try {
            var options =
                    CommandOptions.read(
                            words, CommandLineMode.MAIL_REPORT, Set.of(), Set.of(SINCE_DAYS));
            return mailReport.run(options.days(SINCE_DAYS, 30), System.out);
        } catch (UsageError e) {
            return usage(e.getMessage());
        }
    }

    private int runReport(List<String> words) {
        try {
            var options =
                    CommandOptions.read(
                            words, CommandLineMode.REPORT, Set.of(CSV), Set.of(SINCE_DAYS));
            return report.run(options.days(SINCE_DAYS, 7), options.has(CSV), System.out);
        } catch (UsageError e) {
            return usage(e.getMessage());
        }
    }

    /** Without {@code --month}: the last complete month. */
    private int runUtilization(List<String> words) {
        try {
            var options =
                    CommandOptions.read(
                            words, CommandLineMode.UTILIZATION, Set.of(CSV), Set.of(MONTH));
            YearMonth lastMonth = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
            return utilization.run(options.month(MONTH, lastMonth), options.has(CSV), System.out);
        } catch (UsageError e) {
            return usage(e.getMessage());
        }
    }

    private static int usage(String problem) {
        System.out.println(problem);
        System.out.print(CommandLineMode.USAGE);
        return 64;
    }

    private int runAssign(List<String> words) {
        for (String word : words) {
            if (!List.of(CommandLineMode.ASSIGN, "--dry-run", "--verbose").contains(word)) {
                return usage("unknown option " + word);
            }
        }
        return assign.run(words.contains("--dry-run"), words.contains("--verbose"), System.out);
    }

    private int runImport(List<String> words) {
        Path consultants = null;
        Path requests = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(CommandLineMode.IMPORT)) {
                continue;
            }
            boolean takesFile = word.equals("--consultants") || word.equals("--requests");
            if (!takesFile || i + 1 >= words.size()) {
                return usage(takesFile ? word + " needs a file" : "unknown option " + word);
            }
            Path file = Path.of(words.get(++i));
            if (word.equals("--consultants")) {
                consultants = file;
            } else {
                requests = file;
            }
        }
        if (consultants == null && requests == null) {
            System.out.print(CommandLineMode.USAGE);
            return 64;
        }
        return importer.run(consultants, requests, System.out);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
