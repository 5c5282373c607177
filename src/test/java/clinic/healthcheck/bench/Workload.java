package clinic.healthcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A roster and a request list from the workload generator, in its formats.
 *
 * <p>The generator dates every request in January 2026, so on any later day all their service
 * levels have passed and a service started on them would first raise one breach alert per check.
 * The requests are therefore moved, whole days at a time and in their order, to start a day from
 * now: the measurements see assignment work, not an alert storm left over from the calendar.
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
        Path requests = dir.resolve("checks-from-tomorrow.csv");
        Files.write(requests, fromTomorrow(Files.readAllLines(generated)));
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

    /** Shifts column created_at so that the earliest request is at least a day ahead. */
    private static List<String> fromTomorrow(List<String> lines) {
        List<String> header = List.of(lines.get(0).split(","));
        int column = header.indexOf("created_at");
        Instant earliest = null;
        for (String line : lines.subList(1, lines.size())) {
            Instant at = Instant.parse(cells(line).get(column));
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
        }
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        long days = Math.max(0, ChronoUnit.DAYS.between(earliest, tomorrow) + 1);

        List<String> shifted = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            String at = cells.get(column);
            cells.set(column, Instant.parse(at).plus(Duration.ofDays(days)).toString());
            shifted.add(String.join(",", cells));
        }
        return shifted;
    }

    /** The generator quotes no field and puts no comma inside one before created_at. */
    private static List<String> cells(String line) {
        return new ArrayList<>(List.of(line.split(",", -1)));
    }
}
