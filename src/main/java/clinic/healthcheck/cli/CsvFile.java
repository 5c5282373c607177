package clinic.healthcheck.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read whole before anything is loaded, so a file that cannot be read loads nothing.
 * Fields may be quoted as Python's csv module writes them.
 */
final class CsvFile {

    /** One data line: its line number in the file and its fields by column name. */
    record Row(int line, Map<String, String> fields) {
        String get(String column) {
            return fields.get(column);
        }
    }

    private final List<Row> rows;

    private CsvFile(List<Row> rows) {
        this.rows = rows;
    }

    List<Row> rows() {
        return rows;
    }

    static CsvFile read(Path path, List<String> requiredColumns) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(path + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new IOException(path + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IOException(path + " is empty; expected a header line");
        }

        List<String> header = split(lines.get(0));
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw new IOException(path + " line 1: missing column " + column);
            }
        }

        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> values = split(line);
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), c < values.size() ? values.get(c) : null);
            }
            if (values.size() != header.size()) {
                fields.put(
                        COLUMN_COUNT_ERROR, values.size() + " fields, header has " + header.size());
            }
            rows.add(new Row(i + 1, fields));
        }
        return new CsvFile(rows);
    }

    /** Set on a row whose number of fields differs from the header's. */
    static final String COLUMN_COUNT_ERROR = "\u0000columns";

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
