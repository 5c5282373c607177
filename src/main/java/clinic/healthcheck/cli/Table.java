package clinic.healthcheck.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rows printed either as aligned text (columns of text to the left, of numbers to the right) or as
 * CSV. A cell may show differently in each: a duration reads "12 min" as text and is whole seconds
 * in CSV, a share reads "25.0%" and is 0.25; a missing value is "-" as text and empty in CSV.
 */
final class Table {

    /** Whole seconds, readable as text. */
    record Seconds(Long value) {}

    /** A fraction from 0 to 1, shown as a percentage in text. */
    record Share(Double value) {}

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    Table(String... columns) {
        this.columns = List.of(columns);
    }

    Table row(Object... cells) {
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** A titled section of a text report; a table without rows prints {@code whenEmpty}. */
    void printSection(String title, String whenEmpty, PrintStream out) {
        out.printf("%n%s%n", title);
        if (rows.isEmpty()) {
            out.println("  " + whenEmpty);
        } else {
            printText(out);
        }
    }

    void printText(PrintStream out) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns);
        rows.forEach(row -> lines.add(row.stream().map(Table::text).toList()));
        int[] widths = new int[columns.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }

        boolean[] numbers = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            numbers[c] = rows.stream().anyMatch(row -> isNumber(row.get(column)));
        }

        for (int r = 0; r < lines.size(); r++) {
            var text = new StringBuilder();
            for (int c = 0; c < columns.size(); c++) {
                String cell = lines.get(r).get(c);
                String format = "%" + (numbers[c] ? "" : "-") + widths[c] + "s";
                text.append(c == 0 ? "" : "  ").append(String.format(format, cell));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** One CSV record per row, under a header of the columns. */
    void printCsv(PrintStream out) {
        out.println(String.join(",", columns.stream().map(Table::quoted).toList()));
        for (List<Object> row : rows) {
            out.println(String.join(",", row.stream().map(Table::csv).toList()));
        }
    }

    /**
     * One CSV record per cell after the first, as {@code section,item,measure,value}: every section
     * of a report fits the same four columns, ready for a pivot table.
     */
    void printCsvRecords(String section, PrintStream out) {
        for (List<Object> row : rows) {
            for (int c = 1; c < columns.size(); c++) {
                out.println(
                        String.join(
                                ",",
                                quoted(section),
                                csv(row.get(0)),
                                quoted(columns.get(c)),
                                csv(row.get(c))));
            }
        }
    }

    static String formatSeconds(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + " min";
        }
        if (seconds < 36 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
        }
        return String.format(Locale.ROOT, "%.1f d", seconds / 86400.0);
    }

    private static boolean isNumber(Object cell) {
        return cell instanceof Number || cell instanceof Seconds || cell instanceof Share;
    }

    private static String text(Object cell) {
        if (cell instanceof Seconds seconds) {
            return seconds.value() == null ? "-" : formatSeconds(seconds.value());
        }
        if (cell instanceof Share share) {
            return share.value() == null
                    ? "-"
                    : String.format(Locale.ROOT, "%.1f%%", share.value() * 100);
        }
        return cell == null ? "-" : cell.toString();
    }

    private static String csv(Object cell) {
        if (cell instanceof Seconds seconds) {
            return seconds.value() == null ? "" : seconds.value().toString();
        }
        if (cell instanceof Share share) {
            return share.value() == null
                    ? ""
                    : BigDecimal.valueOf(share.value()).stripTrailingZeros().toPlainString();
        }
        return cell == null ? "" : quoted(cell.toString());
    }

    private static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
