package clinic.healthcheck.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark measures and where, from its command line.
 *
 * @param databases h2, postgres or both
 * @param sizes workload sizes: S, M, L (the generator's), XL (2,000 consultants, 100,000 requests)
 * @param sweepOnly measure only the sweep, as for the growth table
 * @param statementStatistics print PostgreSQL's statistics of the statements each sweep ran
 * @param runs repetitions of every measurement, each on a fresh copy of the imported workload
 * @param flips availability changes per run for the real-time fill
 * @param requests requests per run for the intake, spread over {@link #CLIENTS} clients
 * @param seed the generator's seed
 * @param generator the workload generator script
 * @param httpPort the service's port, 0 for any free one
 * @param postgresPort the PostgreSQL server's port, 0 for any free one
 * @param workDir where workloads, databases and the service's log go
 * @param settings the service's settings to change, as {@code name=value}, for import and runs
 */
record BenchOptions(
        List<String> databases,
        List<String> sizes,
        boolean sweepOnly,
        boolean statementStatistics,
        int runs,
        int flips,
        int requests,
        int seed,
        Path generator,
        int httpPort,
        int postgresPort,
        Path workDir,
        List<String> settings) {

    static final int CLIENTS = 8;

    static final String USAGE =
            """
            usage: Benchmark [--db h2|postgres|both] [--size S|M|L|XL[,...]] [--sweep-only]
                             [--statement-statistics]
                             [--runs N] [--flips N] [--requests N] [--seed N]
                             [--generator FILE] [--http-port N] [--postgres-port N]
                             [--set name=value ...]
            """;

    static BenchOptions parse(String[] args) {
        List<String> databases = List.of("h2", "postgres");
        List<String> sizes = List.of("L");
        boolean sweepOnly = false;
        boolean statementStatistics = false;
        int runs = 3;
        int flips = 200;
        int requests = 2000;
        int seed = 42;
        Path generator = Path.of("..", "shared", "tools", "gen_workload.py");
        int httpPort = 0;
        int postgresPort = 0;
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--sweep-only")) {
                sweepOnly = true;
                continue;
            }
            if (option.equals("--statement-statistics")) {
                statementStatistics = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--db" -> databases = value.equals("both") ? databases : List.of(value);
                case "--size" -> sizes = List.of(value.toUpperCase(Locale.ROOT).split(","));
                case "--runs" -> runs = positive(option, value);
                case "--flips" -> flips = positive(option, value);
                case "--requests" -> requests = positive(option, value);
                case "--seed" -> seed = Integer.parseInt(value);
                case "--generator" -> generator = Path.of(value);
                case "--http-port" -> httpPort = Integer.parseInt(value);
                case "--postgres-port" -> postgresPort = Integer.parseInt(value);
                case "--set" -> settings.add(value);
                default ->
                        throw new IllegalArgumentException(
                                "unknown option " + option + "\n" + USAGE);
            }
        }
        for (String database : databases) {
            if (!List.of("h2", "postgres").contains(database)) {
                throw new IllegalArgumentException("--db must be h2, postgres or both");
            }
        }
        for (String size : sizes) {
            if (!List.of("S", "M", "L", "XL").contains(size)) {
                throw new IllegalArgumentException("--size takes S, M, L and XL");
            }
        }
        return new BenchOptions(
                new ArrayList<>(databases),
                sizes,
                sweepOnly,
                statementStatistics,
                runs,
                flips,
                requests,
                seed,
                generator,
                httpPort,
                postgresPort,
                Path.of("target", "bench").toAbsolutePath(),
                settings);
    }

    private static int positive(String option, String value) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return number;
    }
}
