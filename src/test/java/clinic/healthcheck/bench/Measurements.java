package clinic.healthcheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The four measurements of one run, on one service with the workload imported and waiting. */
final class Measurements {

    private static final List<String> TYPES =
            List.of("wellness", "nutrition", "medical", "follow_up", "initial");

    private final ServiceNode node;
    private final ApiClient api;
    private final BenchOptions options;
    private final Figures figures;
    private final ObjectMapper json = new ObjectMapper();

    Measurements(ServiceNode node, BenchOptions options, Figures figures) {
        this.node = node;
        this.api = new ApiClient(node);
        this.options = options;
        this.figures = figures;
    }

    /** (a) One sweep over the whole backlog, as its timer job runs it. */
    void sweep() {
        var statistics = new StatementStatistics(node.jdbc(), options.statementStatistics());
        statistics.reset();
        double[] seconds = node.sweepSeconds();
        statistics.print(System.out);
        int assigned =
                node.jdbc()
                        .queryForObject(
                                "SELECT COUNT(*) FROM assignment_log"
                                        + " WHERE result = 'success' AND triggered_by = 'sweep'",
                                Integer.class);
        figures.add("sweep: seconds", "%.2f", seconds[0]);
        figures.add("sweep: processor seconds, its thread", "%.2f", seconds[1]);
        figures.add("sweep: processor seconds, whole JVM", "%.2f", seconds[2]);
        figures.add("sweep: assignments", "%.0f", assigned);
        figures.add("sweep: assignments per second", "%.0f", assigned / seconds[0]);
    }

    /**
     * (b) Consultants coming back, one after the other, with the backlog waiting: first everyone
     * away who has room, then available ones given one more slot. Each change answers once the
     * slots it opened are filled and committed, so its latency is the time to fill them.
     */
    void realTimeFill() throws Exception {
        List<String> changes = new ArrayList<>();
        List<String> consultants = new ArrayList<>();
        for (Map<String, Object> row :
                node.jdbc()
                        .queryForList(
                                "SELECT username, status, current_assignments AS load,"
                                        + " max_concurrent_checks AS max"
                                        + " FROM consultant_availability ORDER BY id")) {
            int load = ((Number) row.get("load")).intValue();
            int max = ((Number) row.get("max")).intValue();
            if (!"available".equals(row.get("status")) && load < max) {
                consultants.add(0, (String) row.get("username"));
                changes.add(0, "{\"status\":\"available\"}");
            } else if ("available".equals(row.get("status")) && max < 50) {
                consultants.add((String) row.get("username"));
                changes.add("{\"maxConcurrentChecks\":" + (max + 1) + "}");
            }
        }

        List<Double> latencies = new ArrayList<>();
        int filled = 0;
        for (int i = 0; i < Math.min(options.flips(), changes.size()); i++) {
            int before = loadOf(consultants.get(i));
            long started = System.nanoTime();
            String answer = api.changeAvailability(consultants.get(i), changes.get(i));
            latencies.add((System.nanoTime() - started) / 1e6);
            filled += json.readTree(answer).get("currentAssignments").asInt() - before;
        }
        figures.add("fill: p50 ms", "%.1f", Figures.percentile(latencies, 50));
        figures.add("fill: p99 ms", "%.1f", Figures.percentile(latencies, 99));
        figures.add("fill: changes", "%.0f", latencies.size());
        figures.add("fill: slots filled", "%.0f", filled);
    }

    /**
     * (c) New requests from {@link BenchOptions#CLIENTS} clients at once, each answered in full.
     */
    void intake(int run) throws Exception {
        int perClient = Math.max(1, options.requests() / BenchOptions.CLIENTS);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(BenchOptions.CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < BenchOptions.CLIENTS; client++) {
                int first = client * perClient;
                running.add(
                        clients.submit(
                                () -> {
                                    for (int i = first; i < first + perClient; i++) {
                                        long sent = System.nanoTime();
                                        api.request("bench-" + run + "-" + i, type(i), priority(i));
                                        latencies.add((System.nanoTime() - sent) / 1e6);
                                    }
                                    return null;
                                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        figures.add("intake: requests per second", "%.0f", latencies.size() / seconds);
        figures.add("intake: p99 ms", "%.1f", Figures.percentile(latencies, 99));
    }

    /** (d) The heap still in use once garbage is collected, with the service still running. */
    void heap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        figures.add(
                "heap in use after the run: MiB",
                "%.0f",
                memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0));
    }

    private int loadOf(String consultant) {
        return node.jdbc()
                .queryForObject(
                        "SELECT current_assignments FROM consultant_availability"
                                + " WHERE username = ?",
                        Integer.class,
                        consultant);
    }

    private static String type(int i) {
        return TYPES.get(i % TYPES.size());
    }

    /** The generator's mix: urgent 5 %, high 20 %, normal 50 %, low 25 %. */
    private static String priority(int i) {
        int slot = i % 20;
        return slot == 0 ? "urgent" : slot < 5 ? "high" : slot < 15 ? "normal" : "low";
    }
}
