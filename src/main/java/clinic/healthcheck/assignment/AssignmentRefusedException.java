package clinic.healthcheck.assignment;

/**
 * A manual assignment the rules do not allow: the table does not let the consultant take the check,
 * or they are not available or have no free slot (without an override). Nothing changed.
 */
public class AssignmentRefusedException extends RuntimeException {

    /** Why, as a code the API shows: {@code no_specialization}, {@code not_available}, ... */
    public enum Reason {
        NO_SPECIALIZATION,
        NOT_AVAILABLE,
        NO_FREE_SLOT,
        ALREADY_ASSIGNED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public AssignmentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
