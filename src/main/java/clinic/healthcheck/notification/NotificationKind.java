package clinic.healthcheck.notification;

import java.util.List;
import java.util.Locale;

/**
 * What a message reports, as the notify steps of the process name it ({@code notification} input
 * parameter), and who hears of it.
 */
public enum NotificationKind {
    CONSULTANT_ASSIGNED(RecipientRole.PATIENT, RecipientRole.CONSULTANT),
    CONSULTATION_STARTED(RecipientRole.PATIENT),
    CHECK_COMPLETED(RecipientRole.PATIENT, RecipientRole.CONSULTANT),
    CHECK_CANCELLED(RecipientRole.PATIENT),
    SERVICE_LEVEL_BREACHED(RecipientRole.MANAGER);

    private final List<RecipientRole> audience;

    NotificationKind(RecipientRole... audience) {
        this.audience = List.of(audience);
    }

    public List<RecipientRole> audience() {
        return audience;
    }

    /** The code stored in the notification table, e.g. {@code consultant_assigned}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The template for one role, e.g. {@code consultant-assigned-patient}. */
    String template(RecipientRole role) {
        return code().replace('_', '-') + "-" + role.code();
    }

    /** Reads a code or a name in any letter case; returns null for an unknown one. */
    public static NotificationKind fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (NotificationKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code.trim())) {
                return kind;
            }
        }
        return null;
    }
}
