package clinic.healthcheck.checks;

import java.util.Locale;

/** Where a health check stands in its lifecycle. */
public enum CheckStatus {
    PENDING,
    ASSIGNED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckStatus fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** A check holds a consultant's slot while assigned or in progress. */
    public boolean holdsSlot() {
        return this == ASSIGNED || this == IN_PROGRESS;
    }

    public boolean isOpen() {
        return this != COMPLETED && this != CANCELLED;
    }
}
