package clinic.healthcheck.support;

/** The engine configuration of the Spring-free process tests. */
public final class ProcessTests {

    public static final String ENGINE = "process-tests.cfg.xml";

    private ProcessTests() {}
}
