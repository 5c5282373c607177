package clinic.healthcheck.consultants;

/** The caller, or the consultant a manager named, has no availability record. */
public class ConsultantNotFoundException extends RuntimeException {

    public ConsultantNotFoundException(String username) {
        super("No availability record for consultant " + username);
    }
}
