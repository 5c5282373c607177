package clinic.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * A command shares the database with running nodes, so it must not take their jobs: it starts with
 * neither a web server nor an active job executor, whatever application.yaml says.
 */
class CommandLineStartIT {

    @Test
    void aCommandStartsNeitherAWebServerNorAJobExecutor() {
        String[] args = {
            "assign",
            "--dry-run",
            // a profile of its own: no demo data, and the job executor as application.yaml has it
            "--spring.profiles.active=command-line-test",
            "--spring.datasource.url=jdbc:h2:mem:command-line-start;DB_CLOSE_DELAY=-1"
        };

        try (var context =
                HealthCheckApplication.builder(args)
                        .run(HealthCheckApplication.withCommandSettings(args))) {
            var engine = context.getBean(ProcessEngine.class);
            var configuration =
                    (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(configuration.getJobExecutor().isActive()).isFalse();
        }
    }
}
