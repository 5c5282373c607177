package clinic.healthcheck.decisions;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DeploymentCheck} in front of the engine's own deployers, so every new deployment
 * passes it: from the REST API (Camunda Modeler's deploy button), the webapps and the service's
 * start-up alike.
 */
@Component
class DecisionTablesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers();
        List<Deployer> withCheck =
                deployers == null ? new ArrayList<>() : new ArrayList<>(deployers);
        withCheck.add(0, new DeploymentCheck(new DecisionTableContract()));
        configuration.setCustomPreDeployers(withCheck);
    }
}
