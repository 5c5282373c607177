package clinic.healthcheck.checks;

/** No such check, or none the caller may see: both answer 404 so ids cannot be probed. */
public class HealthCheckNotFoundException extends RuntimeException {

    public HealthCheckNotFoundException(long checkId) {
        super("Health check " + checkId + " was not found");
    }
}
