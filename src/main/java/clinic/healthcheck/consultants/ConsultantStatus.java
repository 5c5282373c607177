package clinic.healthcheck.consultants;

import java.util.Locale;

/** Whether a consultant takes new checks; only {@link #AVAILABLE} ones do. */
public enum ConsultantStatus {
    AVAILABLE,
    BUSY,
    BREAK,
    OFFLINE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a code in any letter case; returns null for an unknown one. */
    public static ConsultantStatus fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (ConsultantStatus status : values()) {
            if (status.code().equalsIgnoreCase(code.trim())) {
                return status;
            }
        }
        return null;
    }
}
