package clinic.healthcheck.bench;

import clinic.healthcheck.HealthCheckApplication;
import clinic.healthcheck.assignment.AssignmentSchedule;
import clinic.healthcheck.bench.BenchDatabase.Connection;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service itself, started inside the benchmark's JVM as {@code java -jar} would start it: web
 * server on 127.0.0.1, job executor and sweep timer, on one database. Its log goes to a file.
 */
final class ServiceNode implements AutoCloseable {

    static final String ADMIN = "benchadmin";

    /**
     * The admin the import creates and every run signs in as. Fixed, because the imported database
     * outlives the benchmark's JVM in target/bench/; it guards a throwaway database on 127.0.0.1.
     */
    private static final String ADMIN_PASSWORD = "bench-only-admin-password";

    private final ConfigurableApplicationContext context;

    private ServiceNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ServiceNode start(Connection database, BenchOptions options) {
        List<String> args = settings(database, options);
        args.add("--server.address=127.0.0.1");
        args.add("--server.port=" + options.httpPort());
        var context =
                new SpringApplicationBuilder(HealthCheckApplication.class)
                        .run(args.toArray(String[]::new));
        return new ServiceNode(context);
    }

    /** The README's {@code import} command, run against an empty database. */
    static void importInto(Connection database, Workload workload, BenchOptions options) {
        List<String> args = settings(database, options);
        // a setting given twice reaches Spring as "a,b": the command's own win
        args.removeIf(arg -> arg.startsWith("--camunda.bpm.job-execution.enabled="));
        args.addAll(
                List.of(
                        "import",
                        "--consultants",
                        workload.roster().toString(),
                        "--requests",
                        workload.requests().toString(),
                        // as HealthCheckApplication starts a command
                        "--clinic.command-line=true",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest"
                                + ".CamundaBpmRestJerseyAutoConfiguration"));
        var context =
                new SpringApplicationBuilder(HealthCheckApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(args.toArray(String[]::new));
        Integer taken =
                context.getBean(JdbcTemplate.class)
                        .queryForObject("SELECT COUNT(*) FROM health_check", Integer.class);
        int exit = SpringApplication.exit(context);
        if (exit != 0 || taken != workload.checks()) {
            // the import printed each row it skipped, with its line number
            throw new IllegalStateException(
                    "The import ended with exit code %d and took in %d of %d requests"
                            .formatted(exit, taken, workload.checks()));
        }
    }

    private static List<String> settings(Connection database, BenchOptions options) {
        List<String> settings =
                new ArrayList<>(
                        List.of(
                                "--spring.datasource.url=" + database.url(),
                                "--spring.datasource.username=" + database.user(),
                                "--spring.datasource.password=" + database.password(),
                                // neither the demo's people nor its admin: the benchmark brings its
                                // own
                                "--spring.profiles.active=bench",
                                "--clinic.people.admin-user=" + ADMIN,
                                "--clinic.people.admin-password=" + ADMIN_PASSWORD,
                                "--clinic.models.location=.",
                                // the benchmark runs the sweep itself, when it measures it
                                "--clinic.assignment.sweep.cycle=R/P1D",
                                "--spring.main.banner-mode=off",
                                "--logging.file.name=" + options.workDir().resolve("service.log"),
                                "--logging.threshold.console=off"));
        options.settings().forEach(setting -> settings.add("--" + setting));
        return settings;
    }

    int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    String adminPassword() {
        return ADMIN_PASSWORD;
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /**
     * Runs the sweep's timer job as the job executor would, in this thread, and says how long it
     * took: in seconds of the clock, of this thread's processor time and of the whole JVM's (the
     * database's threads on H2, the job executor running the steps the sweep queued, the garbage
     * collector), which a busy machine does not inflate as it does the clock.
     */
    double[] sweepSeconds() {
        var management = context.getBean(ManagementService.class);
        Job timer =
                management
                        .createJobQuery()
                        .processDefinitionKey(AssignmentSchedule.PROCESS_KEY)
                        .timers()
                        .singleResult();
        var threads = ManagementFactory.getThreadMXBean();
        var process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long processCpu = process.getProcessCpuTime();
        long started = System.nanoTime();
        management.executeJob(timer.getId());
        return new double[] {
            (System.nanoTime() - started) / 1e9,
            (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
            (process.getProcessCpuTime() - processCpu) / 1e9
        };
    }

    /** Jobs the job executor may run now: steps, and timers whose time has come. */
    long dueJobs() {
        return context.getBean(ManagementService.class).createJobQuery().executable().count();
    }

    /** Lets the job executor run every job that is due, and says how long that took. */
    Duration runDueJobs() throws InterruptedException {
        long started = System.nanoTime();
        while (dueJobs() > 0) {
            Thread.sleep(1000);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Waits until the job executor has run every job that is due and the JIT compiler has caught up
     * with what ran hot, so that neither the notify steps of one measurement nor the compiling of
     * start-up's code runs into the next. Gives up after two minutes.
     */
    void awaitQuiet() throws InterruptedException {
        var compiler = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + 120_000_000_000L;
        long compiled = compiler.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long compiledNow = compiler.getTotalCompilationTime();
            if (dueJobs() == 0 && compiledNow - compiled < 50) {
                return;
            }
            compiled = compiledNow;
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
