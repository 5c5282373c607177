package clinic.healthcheck.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every figure of every run, printed as min / median / max per measurement. */
final class Figures {

    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, String> formats = new LinkedHashMap<>();

    /** One run's value; {@code format} such as "%.2f" prints it. */
    void add(String measurement, String format, double value) {
        values.computeIfAbsent(measurement, name -> new ArrayList<>()).add(value);
        formats.put(measurement, format);
    }

    void print(String title, PrintStream out) {
        out.printf("%n%s%n", title);
        out.printf("  %-46s %10s %10s %10s%n", "measurement", "min", "median", "max");
        values.forEach(
                (measurement, runs) -> {
                    String format = formats.get(measurement);
                    out.printf(
                            "  %-46s %10s %10s %10s%n",
                            measurement,
                            String.format(format, percentile(runs, 0)),
                            String.format(format, percentile(runs, 50)),
                            String.format(format, percentile(runs, 100)));
                });
    }

    /** Nearest-rank percentile; the median of an even count is the lower middle value. */
    static double percentile(List<Double> samples, double percent) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
