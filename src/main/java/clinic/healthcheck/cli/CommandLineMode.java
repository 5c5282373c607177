package clinic.healthcheck.cli;

import java.util.Arrays;
import java.util.Set;

/**
 * Tells a command-line run ({@code assign}, {@code import}, {@code mail-report}) from a service
 * start.
 */
public final class CommandLineMode {

    public static final String ACTIVE_PROPERTY = "clinic.command-line";

    static final String ASSIGN = "assign";
    static final String IMPORT = "import";
    static final String MAIL_REPORT = "mail-report";

    private static final Set<String> COMMANDS = Set.of(ASSIGN, IMPORT, MAIL_REPORT);

    public static boolean isRequested(String[] args) {
        return Arrays.stream(args).anyMatch(COMMANDS::contains);
    }

    private CommandLineMode() {}
}
