package clinic.healthcheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server started inside the test JVM, so the integration tests run on the
 * production database without Docker or an installed server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                server =
                        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                                .setRegisterShutdownHook(false)
                                .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // stopped after the Spring contexts have closed, not by a JVM hook of its own that
            // races them: an engine closing against a stopped server waits 30 s for a connection
            SpringApplication.getShutdownHandlers().add(EmbeddedPostgres::stop);
        }
        return server;
    }

    private static void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // the JVM is ending; the server's folder is temporary
        }
    }

    /**
     * A new, empty database on the same server, for services a test starts by itself; returns its
     * JDBC URL (user and password: postgres).
     */
    public static String createDatabase(String name) {
        try (var connection = server().getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    @Bean
    @Primary
    DataSource postgresDataSource() {
        return DataSourceBuilder.create()
                .url(server().getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("postgres")
                .driverClassName("org.postgresql.Driver")
                .build();
    }
}
