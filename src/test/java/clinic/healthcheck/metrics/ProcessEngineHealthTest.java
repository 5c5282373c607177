package clinic.healthcheck.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import clinic.healthcheck.checks.HealthCheckProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class ProcessEngineHealthTest {

    private final ProcessEngine engine = mock(ProcessEngine.class, RETURNS_DEEP_STUBS);

    private void deployedVersions(long versions) {
        when(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(HealthCheckProcess.KEY)
                        .count())
                .thenReturn(versions);
    }

    @Test
    void anEngineThatAnswersAndHoldsTheProcessIsUp() {
        when(engine.getName()).thenReturn("default");
        deployedVersions(2);

        var health = new ProcessEngineHealth(engine).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("healthCheckProcessVersions", 2L);
    }

    @Test
    void anEngineWithoutTheHealthCheckProcessIsDown() {
        deployedVersions(0);

        assertThat(new ProcessEngineHealth(engine).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void anEngineThatCannotReachItsDatabaseIsDown() {
        when(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(HealthCheckProcess.KEY)
                        .count())
                .thenThrow(new ProcessEngineException("connection refused"));

        assertThat(new ProcessEngineHealth(engine).health().getStatus()).isEqualTo(Status.DOWN);
    }
}
