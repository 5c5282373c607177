package clinic.healthcheck.metrics;

import clinic.healthcheck.checks.HealthCheckProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Whether the process engine can serve: it must answer a query on its database and hold the
 * health-check process. Replaces the starter's indicator of the same name, which reports UP as long
 * as the engine object exists. A failing query (engine or database unreachable) is DOWN.
 */
@Component("processEngineHealthIndicator")
class ProcessEngineHealth extends AbstractHealthIndicator {

    private final ProcessEngine engine;

    ProcessEngineHealth(ProcessEngine engine) {
        super("The process engine could not be asked for its process definitions");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long versions =
                engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(HealthCheckProcess.KEY)
                        .count();
        health.withDetail("name", engine.getName())
                .withDetail("healthCheckProcessVersions", versions);
        if (versions == 0) {
            health.down()
                    .withDetail(
                            "problem", "process " + HealthCheckProcess.KEY + " is not deployed");
        } else {
            health.up();
        }
    }
}
