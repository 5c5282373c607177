package clinic.healthcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A roster and a request list from the workload generator, in its formats.
 *
 * <p>The generator dates every request in January 2026. The requests are moved whole days, in their
 * order, so that the newest was made within the last day: a backlog of a month that ends now. Its
 * oldest requests are past their due times, as in a clinic that has fallen behind (they are taken
 * in without a breach alert), its newest still wait for theirs with a breach timer. Whole days keep
 * the file, and so the imported database the benchmark keeps, the same all day.
 */
record Workload(String size, int consultants, int checks, Path roster, Path requests) {

    static Workload generate(String size, BenchOptions options) throws IOException {
        int[] counts =
                switch (size) {
                    case "S" -> new int[] {20, 200};
                    case "M" -> new int[] {100, 2_000};
                    case "L" -> new int[] {500, 20_000};
                    default -> new int[] {2_000, 100_000};
                };
        Path dir = options.workDir().resolve("workload-" + size + "-seed" + options.seed());
        Path roster = dir.resolve("consultants.csv");
        Path generated = dir.resolve("checks.csv");
        if (!Files.exists(generated)) {
            generateInto(dir, counts, options);
        }
        Path requests = dir.resolve("checks-until-now.csv");
        Files.write(requests, endingNow(Files.readAllLines(generated)));
        return new Workload(size, counts[0], counts[1], roster, requests);
    }

    private static void generateInto(Path dir, int[] counts, BenchOptions options)
            throws IOException {
        if (!Files.isRegularFile(options.generator())) {
            throw new IllegalStateException(
                    "No workload generator at "
                            + options.generator().toAbsolutePath()
                            + "; pass --generator FILE");
        }
        Files.createDirectories(dir);
        var command =
                List.of(
                        "python3",
                        options.generator().toString(),
                        "--consultants",
                        Integer.toString(counts[0]),
                        "--checks",
                        Integer.toString(counts[1]),
                        "--seed",
                        Integer.toString(options.seed()),
                        "--out",
                        dir.toString());
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("The workload generator failed: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shifts column created_at by whole days so that the newest request is under a day old. */
    private static List<String> endingNow(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(","));
        int column = header.indexOf("created_at");
        Instant newest = null;
        for (String line : lines.subList(1, lines.size())) {
            Instant at = Instant.parse(cells(line).get(column));
            newest = newest == null || at.isAfter(newest) ? at : newest;
        }
        // a minute's margin: the import refuses requests made after it started
        Instant latest = Instant.now().minus(Duration.ofMinutes(1));
        Duration shift = Duration.ofDays(Math.max(0, Duration.between(newest, latest).toDays()));

        List<String> shifted = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            cells.set(column, Instant.parse(cells.get(column)).plus(shift).toString());
            shifted.add(String.join(",", cells));
        }
        return shifted;
    }

    /** The generator quotes no field and puts no comma inside one before created_at. */
    private static List<String> cells(String line) {
        return new ArrayList<>(List.of(line.split(",", -1)));
    }
}
