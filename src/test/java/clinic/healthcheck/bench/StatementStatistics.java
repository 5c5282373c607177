package clinic.healthcheck.bench;

import java.io.PrintStream;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's own account of the statements a measurement ran (pg_stat_statements): how often each
 * ran and how long the server took, to show what limits the sweep. Off unless asked for.
 */
final class StatementStatistics {

    private final JdbcTemplate jdbc;
    private final boolean enabled;

    StatementStatistics(JdbcTemplate jdbc, boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    void reset() {
        if (enabled) {
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.queryForList("SELECT pg_stat_statements_reset()");
        }
    }

    void print(PrintStream out) {
        if (!enabled) {
            return;
        }
        var total =
                jdbc.queryForMap(
                        "SELECT SUM(calls) AS calls, SUM(total_exec_time) AS ms"
                                + " FROM pg_stat_statements WHERE dbid = (SELECT oid"
                                + " FROM pg_database WHERE datname = current_database())");
        out.printf(
                "%nPostgreSQL ran %s statements in %.0f ms of server time; the costliest:%n",
                total.get("calls"), ((Number) total.get("ms")).doubleValue());
        out.printf("  %8s %9s %8s  %s%n", "calls", "total ms", "mean ms", "statement");
        for (Map<String, Object> row :
                jdbc.queryForList(
                        "SELECT calls, total_exec_time AS total, mean_exec_time AS mean, query"
                                + " FROM pg_stat_statements WHERE dbid = (SELECT oid"
                                + " FROM pg_database WHERE datname = current_database())"
                                + " ORDER BY total_exec_time DESC LIMIT 15")) {
            String query = ((String) row.get("query")).replaceAll("\\s+", " ");
            out.printf(
                    "  %8s %9.0f %8.2f  %s%n",
                    row.get("calls"),
                    ((Number) row.get("total")).doubleValue(),
                    ((Number) row.get("mean")).doubleValue(),
                    query.substring(0, Math.min(90, query.length())));
        }
    }
}
