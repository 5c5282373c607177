package clinic.healthcheck.checks;

import java.util.Locale;

/**
 * How soon a check must be served: urgent before high before normal before low. The rank orders the
 * queue; the task priority orders a consultant's Tasklist.
 */
public enum Priority {
    URGENT(1, 100),
    HIGH(2, 75),
    NORMAL(3, 50),
    LOW(4, 25);

    private final int rank;
    private final int taskPriority;

    Priority(int rank, int taskPriority) {
        this.rank = rank;
        this.taskPriority = taskPriority;
    }

    public int rank() {
        return rank;
    }

    public int taskPriority() {
        return taskPriority;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a code in any letter case; returns null for an unknown one. */
    public static Priority fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (Priority priority : values()) {
            if (priority.code().equalsIgnoreCase(code.trim())) {
                return priority;
            }
        }
        return null;
    }
}
