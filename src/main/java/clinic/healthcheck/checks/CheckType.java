package clinic.healthcheck.checks;

import java.util.Locale;

/** The kinds of health check a patient can ask for. */
public enum CheckType {
    INITIAL,
    FOLLOW_UP,
    NUTRITION,
    MEDICAL,
    WELLNESS;

    /** The code stored in the database, passed to the DMN and shown in the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a code in any letter case; returns null for an unknown one. */
    public static CheckType fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (CheckType type : values()) {
            if (type.code().equalsIgnoreCase(code.trim())) {
                return type;
            }
        }
        return null;
    }
}
