package clinic.healthcheck.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The words after a command: flags and options that take a value; anything else is refused. */
final class CommandOptions {

    /** Wrong arguments: the message says which, and the usage follows it. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();

    private CommandOptions() {}

    static CommandOptions read(
            List<String> words, String command, Set<String> flags, Set<String> valued)
            throws UsageError {
        var options = new CommandOptions();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(command)) {
                continue;
            }
            if (flags.contains(word)) {
                options.flags.add(word);
            } else if (valued.contains(word) && i + 1 < words.size()) {
                options.values.put(word, words.get(++i));
            } else if (valued.contains(word)) {
                throw new UsageError(word + " needs a value");
            } else {
                throw new UsageError("unknown option " + word);
            }
        }
        return options;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    /** A number of days from 1 to 3650 (ten years). */
    int days(String option, int byDefault) throws UsageError {
        String value = values.get(option);
        if (value == null) {
            return byDefault;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= 3650) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw new UsageError(
                option + " must be a whole number from 1 to 3650, not '" + value + "'");
    }

    /** A calendar month written as 2026-11. */
    YearMonth month(String option, YearMonth byDefault) throws UsageError {
        String value = values.get(option);
        if (value == null) {
            return byDefault;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageError(option + " must be a month such as 2026-11, not '" + value + "'");
        }
    }
}
