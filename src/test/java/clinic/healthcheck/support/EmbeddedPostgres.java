package clinic.healthcheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server started inside the test JVM, so the integration tests run on the
 * production database without Docker or an installed server.
 *
 * <p>Every Spring context that uses it holds a lease; the server stops when the last context has
 * closed. At JVM exit the contexts close in Spring's shutdown hook while other hooks run at the
 * same time, so the server's own hook waits for the leases instead of pulling the database away
 * from engines that are still shutting down.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgres {

    private static final long EXIT_WAIT_MILLIS = 20_000;

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private static int leases;
    private static boolean exitHookAdded;

    private static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres acquire() {
        if (server == null) {
            try {
                server =
                        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                                .setRegisterShutdownHook(false)
                                .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!exitHookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stopAtExit));
                exitHookAdded = true;
            }
        }
        leases++;
        return server;
    }

    private static synchronized void release() {
        leases--;
        if (leases == 0) {
            stop();
        }
        EmbeddedPostgres.class.notifyAll();
    }

    private static synchronized void stopAtExit() {
        long deadline = System.currentTimeMillis() + EXIT_WAIT_MILLIS;
        try {
            while (leases > 0 && System.currentTimeMillis() < deadline) {
                EmbeddedPostgres.class.wait(deadline - System.currentTimeMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    private static void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            // the server's folder is temporary; nothing is left to save
        }
        server = null;
    }

    /** Held by one Spring context for as long as its data source lives. */
    public static final class Lease implements AutoCloseable {
        private final String jdbcUrl = acquire().getJdbcUrl("postgres", "postgres");

        @Override
        public void close() {
            release();
        }
    }

    @Bean
    Lease postgresLease() {
        return new Lease();
    }

    @Bean
    @Primary
    @DependsOn("postgresLease")
    DataSource postgresDataSource(Lease lease) {
        return DataSourceBuilder.create()
                .url(lease.jdbcUrl)
                .username("postgres")
                .password("postgres")
                .driverClassName("org.postgresql.Driver")
                .build();
    }
}
