package clinic.healthcheck.system;

/** Checks the page parameters every list endpoint takes. */
public final class Paging {

    public static final int MAX_SIZE = 200;

    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    private Paging() {}
}
