package clinic.healthcheck.cli;

import java.util.Arrays;
import java.util.Set;

/** Tells a command-line run ({@code assign}, {@code import}) from a service start. */
public final class CommandLineMode {

    public static final String ACTIVE_PROPERTY = "clinic.command-line";

    static final String ASSIGN = "assign";
    static final String IMPORT = "import";

    private static final Set<String> COMMANDS = Set.of(ASSIGN, IMPORT);

    public static boolean isRequested(String[] args) {
        return Arrays.stream(args).anyMatch(COMMANDS::contains);
    }

    private CommandLineMode() {}
}
