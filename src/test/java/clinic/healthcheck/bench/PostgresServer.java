package clinic.healthcheck.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL server on 127.0.0.1, started from the binaries the tests use, with its data kept
 * under the work folder so that an imported workload survives to the next benchmark. Commits are
 * durable as in production: the test server's shortcuts (no fsync, asynchronous commit) are off.
 */
final class PostgresServer extends BenchDatabase {

    private static final String RUN = "bench_run";

    private final EmbeddedPostgres server;

    private PostgresServer(EmbeddedPostgres server, BenchOptions options) {
        super(options);
        this.server = server;
    }

    static PostgresServer start(BenchOptions options) throws IOException {
        Path data = Files.createDirectories(options.workDir().resolve("postgres-data"));
        var builder =
                EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
        if (options.statementStatistics()) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        if (options.postgresPort() != 0) {
            builder.setPort(options.postgresPort());
        }
        return new PostgresServer(builder.start(), options);
    }

    @Override
    String name() {
        return "postgres";
    }

    @Override
    void prepareTemplate(Workload workload, Importer importer) throws Exception {
        String template = "bench_" + templateKey(workload);
        if (exists(template)) {
            return;
        }
        String building = template + "_importing";
        execute("DROP DATABASE IF EXISTS " + building);
        execute("CREATE DATABASE " + building);
        importer.importInto(connection(building));
        execute("ALTER DATABASE " + building + " RENAME TO " + template);
    }

    @Override
    Connection copyOfTemplate(Workload workload) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + RUN);
        execute("CREATE DATABASE " + RUN + " TEMPLATE bench_" + templateKey(workload));
        return connection(RUN);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private Connection connection(String database) {
        return new Connection(server.getJdbcUrl("postgres", database), "postgres", "postgres");
    }

    private boolean exists(String database) throws SQLException {
        try (var connection = server.getPostgresDatabase().getConnection();
                var query =
                        connection.prepareStatement(
                                "SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            return query.executeQuery().next();
        }
    }

    private void execute(String sql) throws SQLException {
        try (var connection =
                        DriverManager.getConnection(
                                server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
