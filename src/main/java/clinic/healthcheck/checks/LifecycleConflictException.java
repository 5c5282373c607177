package clinic.healthcheck.checks;

/**
 * A step the lifecycle does not allow from where the check stands, such as completing a pending
 * check.
 */
public class LifecycleConflictException extends RuntimeException {

    private final CheckStatus state;

    public LifecycleConflictException(long checkId, CheckStatus state, String step) {
        super("Health check " + checkId + " is " + state.code() + " and cannot be " + step);
        this.state = state;
    }

    public CheckStatus state() {
        return state;
    }
}
