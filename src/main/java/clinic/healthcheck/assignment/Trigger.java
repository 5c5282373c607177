package clinic.healthcheck.assignment;

import java.util.Locale;

/** What started an assignment attempt; kept on every audit row. */
public enum Trigger {
    /** A new request was taken in. */
    REQUEST,
    /** A consultant became available or was given more room. */
    AVAILABILITY,
    /** A check completed or was cancelled and gave its slot back. */
    SLOT_FREED,
    /** The periodic sweep of the whole queue. */
    SWEEP,
    /** The {@code assign} command. */
    COMMAND_LINE,
    /** A manager assigned or reassigned the check through the API. */
    MANUAL,
    /** A manager completed the "Assign manually" task of a check past its due time. */
    ESCALATION,
    /** A consultant took the check for themselves. */
    SELF_ASSIGNMENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
