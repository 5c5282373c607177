package clinic.healthcheck.decisions;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a new deployment before anything of it is stored: a signed-in user who is not an admin
 * (an analyst) may deploy decision tables only, since a process model could run code on the server;
 * and every table the service reads must keep its contract. A refused deployment leaves the version
 * in force as it was, and the REST API answers 400 with the reason.
 */
class DeploymentCheck implements Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentCheck.class);

    private final DecisionTableContract contract;
    private final Supplier<Set<String>> specializations;

    /**
     * @param specializations the consultants' specializations in lower case, read for deployments
     *     by a signed-in user (an analyst from Camunda Modeler); the service's own start-up deploys
     *     its tables before any roster may be there
     */
    DeploymentCheck(DecisionTableContract contract, Supplier<Set<String>> specializations) {
        this.contract = contract;
        this.specializations = specializations;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // the engine also passes deployments it reloads into its cache; those were checked once
        if (!deployment.isNew()) {
            return;
        }

        boolean mayDeployAnything = isServiceOrAdmin();
        Set<String> known = bySignedInUser() ? specializations.get() : Set.of();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            boolean table = name.toLowerCase(Locale.ROOT).endsWith(".dmn");
            if (!table && !mayDeployAnything) {
                refuse(deployment, "only decision tables (.dmn) may be deployed here, not " + name);
            }
            if (table) {
                Optional<String> problem = contract.problemWith(name, resource.getBytes(), known);
                if (problem.isPresent()) {
                    refuse(deployment, problem.get());
                }
            }
        }
    }

    /** The service deploys its models without a signed-in user; admins may deploy anything. */
    private static boolean isServiceOrAdmin() {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context.getAuthentication();
        return authentication == null
                || authentication.getUserId() == null
                || context.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    private static boolean bySignedInUser() {
        Authentication authentication = Context.getCommandContext().getAuthentication();
        return authentication != null && authentication.getUserId() != null;
    }

    private static void refuse(DeploymentEntity deployment, String reason) {
        LOG.warn("Deployment {} refused: {}", deployment.getName(), reason);
        throw new NotValidException("Deployment refused, the version in force stays: " + reason);
    }
}
