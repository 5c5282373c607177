package clinic.healthcheck.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs the command named on the command line, then lets the application exit with its code. */
@Component
@ConditionalOnProperty(CommandLineMode.ACTIVE_PROPERTY)
class CommandLineRunnerMain implements CommandLineRunner, ExitCodeGenerator {

    private final AssignCommand assign;
    private final ImportCommand importer;
    private final MailReportCommand mailReport;
    private int exitCode;

    CommandLineRunnerMain(
            AssignCommand assign, ImportCommand importer, MailReportCommand mailReport) {
        this.assign = assign;
        this.importer = importer;
        this.mailReport = mailReport;
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
        } else {
            exitCode = runImport(words);
        }
    }

    private int runMailReport(List<String> words) {
        int days = 30;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(CommandLineMode.MAIL_REPORT)) {
                continue;
            }
            if (!word.equals("--since-days") || i + 1 >= words.size()) {
                System.out.println(
                        word.equals("--since-days")
                                ? "--since-days needs a number of days"
                                : "unknown option " + word);
                System.out.print(CommandLineMode.USAGE);
                return 64;
            }
            try {
                days = Integer.parseInt(words.get(++i));
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > 3650) {
                System.out.println("--since-days must be a whole number from 1 to 3650");
                return 64;
            }
        }
        return mailReport.run(days, System.out);
    }

    private int runAssign(List<String> words) {
        for (String word : words) {
            if (!List.of(CommandLineMode.ASSIGN, "--dry-run", "--verbose").contains(word)) {
                System.out.println("unknown option " + word);
                System.out.print(CommandLineMode.USAGE);
                return 64;
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
                System.out.println(takesFile ? word + " needs a file" : "unknown option " + word);
                System.out.print(CommandLineMode.USAGE);
                return 64;
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
