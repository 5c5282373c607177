package clinic.healthcheck.decisions;

import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DeploymentCheck} in front of the engine's own deployers, so every new deployment
 * passes it: from the REST API (Camunda Modeler's deploy button), the webapps and the service's
 * start-up alike.
 */
@Component
class DecisionTablesPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ConsultantRepository> consultants;

    DecisionTablesPlugin(ObjectProvider<ConsultantRepository> consultants) {
        this.consultants = consultants;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers();
        List<Deployer> withCheck =
                deployers == null ? new ArrayList<>() : new ArrayList<>(deployers);
        withCheck.add(0, new DeploymentCheck(new DecisionTableContract(), this::specializations));
        configuration.setCustomPreDeployers(withCheck);
    }

    private Set<String> specializations() {
        return consultants.getObject().findAll().stream()
                .map(Consultant::specializationKey)
                .collect(Collectors.toSet());
    }
}
