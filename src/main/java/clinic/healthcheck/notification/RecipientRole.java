package clinic.healthcheck.notification;

import java.util.Locale;

/** Whom a message is for. */
public enum RecipientRole {
    PATIENT,
    CONSULTANT,
    MANAGER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecipientRole fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
