package clinic.healthcheck.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * Measures the service on a generated workload and prints, per database and size, min / median /
 * max over the runs of: one sweep over the backlog, the real-time fill when consultants come back,
 * the intake of requests from eight clients, and the heap in use afterwards. Each run starts the
 * service on a fresh copy of the imported workload; start-up is never measured. Run it with {@code
 * ./mvnw -Pbench verify}, which gives this JVM the service's heap of 512 MiB; the tables come last.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }

        // the PostgreSQL server's start-up chatter, logged before the service sets up logging
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        var tables = new StringBuilder();
        try {
            for (String database : options.databases()) {
                try (BenchDatabase db = BenchDatabase.start(database, options)) {
                    for (String size : options.sizes()) {
                        tables.append(measure(db, Workload.generate(size, options), options));
                    }
                }
            }
        } catch (Exception e) {
            // the service logs to a file only, and Spring Boot keeps what it logged off stderr
            System.err.printf(
                    "The benchmark failed: %s; the service's log is %s%n",
                    e, options.workDir().resolve("service.log"));
            System.exit(1);
        }
        System.out.print(tables);
        System.exit(0);
    }

    /**
     * Imports the workload once, then runs the measurements on a fresh copy of it: first once to
     * warm the JVM up, as a running service is, then the runs that count. Returns the tables.
     */
    private static String measure(BenchDatabase db, Workload workload, BenchOptions options)
            throws Exception {
        long started = System.nanoTime();
        db.prepareTemplate(
                workload,
                database -> {
                    System.out.printf(
                            "Importing the %s workload into %s ...%n", workload.size(), db.name());
                    ServiceNode.importInto(database, workload, options);
                    // What the service does once after such an import: the breach timers of the
                    // checks taken in past their due time fire (and end at "Overdue when taken
                    // in?"). The measurements start from the backlog after that, as it stands.
                    try (ServiceNode node = ServiceNode.start(database, options)) {
                        System.out.printf(
                                "%d jobs due after the import ran in %s%n",
                                node.dueJobs(), node.runDueJobs());
                    }
                });
        System.out.printf(
                "%s workload ready on %s after %s%n",
                workload.size(), db.name(), Duration.ofNanos(System.nanoTime() - started));

        var warmUp = new Figures();
        var figures = new Figures();
        double loadBefore = loadAverage();
        for (int run = 0; run <= options.runs(); run++) {
            try (ServiceNode node = ServiceNode.start(db.copyOfTemplate(workload), options)) {
                var measurements = new Measurements(node, options, run == 0 ? warmUp : figures);
                node.awaitQuiet();
                measurements.sweep();
                if (!options.sweepOnly()) {
                    node.awaitQuiet();
                    measurements.realTimeFill();
                    node.awaitQuiet();
                    measurements.intake(run);
                    measurements.heap();
                }
            }
            System.out.printf(
                    run == 0 ? "warm-up run done%n" : "run %d of %d done%n", run, options.runs());
        }

        var out = new ByteArrayOutputStream();
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        figures.print(
                String.format(
                        "%s, %s workload: %,d consultants, %,d requests (seed %d); %d runs after"
                                + " one to warm up; %d CPUs, load average %.1f before and %.1f"
                                + " after; heap limit %d MiB",
                        db.name(),
                        workload.size(),
                        workload.consultants(),
                        workload.checks(),
                        options.seed(),
                        options.runs(),
                        Runtime.getRuntime().availableProcessors(),
                        loadBefore,
                        loadAverage(),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024)),
                print);
        warmUp.print(
                "  the warm-up run, the first after the JVM started (not counted above):", print);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
