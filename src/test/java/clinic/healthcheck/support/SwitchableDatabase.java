package clinic.healthcheck.support;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** An H2 database in memory whose connections a test can refuse, as if the server were gone. */
@TestConfiguration(proxyBeanMethods = false)
public class SwitchableDatabase {

    /** Hands out connections while on; refuses every new one while cut off. */
    public static final class Switch extends DelegatingDataSource {
        private volatile boolean reachable = true;

        Switch(DataSource target) {
            super(target);
        }

        public void cutOff() {
            reachable = false;
        }

        public void restore() {
            reachable = true;
        }

        @Override
        public Connection getConnection() throws SQLException {
            check();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            check();
            return super.getConnection(username, password);
        }

        private void check() throws SQLException {
            if (!reachable) {
                throw new SQLException(
                        "Connection refused: the test cut the database off", "08001");
            }
        }
    }

    @Bean
    @Primary
    Switch switchableDataSource() {
        return new Switch(
                DataSourceBuilder.create()
                        .url("jdbc:h2:mem:running-service;DB_CLOSE_DELAY=-1")
                        .username("sa")
                        .password("")
                        .build());
    }
}
