package clinic.healthcheck.notification;

import java.util.Locale;

/**
 * Where one message stands. Sent and suppressed are final: a retried job skips them. Pending and
 * failed are tried again.
 */
public enum NotificationStatus {
    PENDING,
    SENT,
    FAILED,
    SUPPRESSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == SENT || this == SUPPRESSED;
    }

    /** Reads a code in any letter case; returns null for an unknown one. */
    public static NotificationStatus fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (NotificationStatus status : values()) {
            if (status.code().equalsIgnoreCase(code.trim())) {
                return status;
            }
        }
        return null;
    }
}
