package clinic.healthcheck.cli;

import java.util.Arrays;
import java.util.Set;

/**
 * Tells a command-line run ({@code assign}, {@code import}, {@code mail-report}, {@code report},
 * {@code utilization}) from a service start.
 */
public final class CommandLineMode {

    public static final String ACTIVE_PROPERTY = "clinic.command-line";

    static final String ASSIGN = "assign";
    static final String IMPORT = "import";
    static final String MAIL_REPORT = "mail-report";
    static final String REPORT = "report";
    static final String UTILIZATION = "utilization";

    private static final Set<String> COMMANDS =
            Set.of(ASSIGN, IMPORT, MAIL_REPORT, REPORT, UTILIZATION);

    public static final String USAGE =
            """
            usage: java -jar health-check-assignment.jar [--name=value ...]   (runs the service)
                   java -jar health-check-assignment.jar assign [--dry-run] [--verbose]
                   java -jar health-check-assignment.jar import [--consultants FILE] [--requests FILE]
                   java -jar health-check-assignment.jar mail-report [--since-days DAYS]
                   java -jar health-check-assignment.jar report [--since-days DAYS] [--csv]
                   java -jar health-check-assignment.jar utilization [--month MONTH] [--csv]
            """;

    public static boolean isRequested(String[] args) {
        return Arrays.stream(args).anyMatch(COMMANDS::contains);
    }

    /**
     * A word that names no command, such as a typo of one: the service must not start in its place.
     * Settings ({@code --name=value}) and the service's own start take no such word.
     */
    public static boolean isMistyped(String[] args) {
        return !isRequested(args) && Arrays.stream(args).anyMatch(arg -> !arg.startsWith("--"));
    }

    private CommandLineMode() {}
}
