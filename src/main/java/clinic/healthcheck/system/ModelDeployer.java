package clinic.healthcheck.system;

import clinic.healthcheck.assignment.AssignmentSchedule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Deploys the models from the top-level {@code bpmn/}, {@code dmn/} and {@code forms/} folders at
 * start-up, so an analyst's edit of a file is picked up without a build. The Tasklist forms go into
 * the same deployment as the process that names them. Unchanged files make no new version. The
 * sweep model has a deployment of its own, named after the sweep cycle: its timer reads the cycle
 * when deployed, so a changed cycle deploys it anew.
 */
@Component
public class ModelDeployer implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

    static final String MODELS_DEPLOYMENT = "health-check-models";
    static final String SWEEP_RESOURCE = "bpmn/" + AssignmentSchedule.PROCESS_KEY + ".bpmn";

    private final RepositoryService repository;
    private final ModelsProperties models;
    private final AssignmentSchedule schedule;

    ModelDeployer(
            RepositoryService repository, ModelsProperties models, AssignmentSchedule schedule) {
        this.repository = repository;
        this.models = models;
        this.schedule = schedule;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, byte[]> resources = readModels();
        byte[] sweep = resources.remove(SWEEP_RESOURCE);

        var deployment =
                repository
                        .createDeployment()
                        .name(MODELS_DEPLOYMENT)
                        .enableDuplicateFiltering(true);
        resources.forEach(
                (name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
        var result = deployment.deployWithResult();
        // with nothing changed the engine deploys nothing and the lists are null
        int processes = sizeOf(result.getDeployedProcessDefinitions());
        int decisions = sizeOf(result.getDeployedDecisionDefinitions());
        LOG.info(
                "Models deployed from {}: {} process and {} decision definitions new or changed",
                models.location(),
                processes,
                decisions);

        if (sweep != null) {
            deploySweep(sweep);
        }
    }

    private static int sizeOf(List<?> definitions) {
        return definitions == null ? 0 : definitions.size();
    }

    private void deploySweep(byte[] model) {
        String name = "assignment-sweep every " + schedule.getSweepCycle();
        ProcessDefinition latest =
                repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(AssignmentSchedule.PROCESS_KEY)
                        .latestVersion()
                        .singleResult();

        if (latest == null || !sameSweep(latest, name, model)) {
            repository
                    .createDeployment()
                    .name(name)
                    .addInputStream(SWEEP_RESOURCE, new ByteArrayInputStream(model))
                    .deploy();
            LOG.info("Assignment sweep deployed to run at {}", schedule.getSweepCycle());
        }

        var suspension =
                repository
                        .updateProcessDefinitionSuspensionState()
                        .byProcessDefinitionKey(AssignmentSchedule.PROCESS_KEY)
                        .includeProcessInstances(true);
        if (schedule.isEnabled()) {
            suspension.activate();
        } else {
            suspension.suspend();
            LOG.info("Assignment sweep is switched off (clinic.assignment.sweep.enabled=false)");
        }
    }

    private boolean sameSweep(ProcessDefinition latest, String name, byte[] model) {
        var deployment =
                repository
                        .createDeploymentQuery()
                        .deploymentId(latest.getDeploymentId())
                        .singleResult();
        if (!name.equals(deployment.getName())) {
            return false;
        }
        try (InputStream deployed =
                repository.getResourceAsStream(latest.getDeploymentId(), SWEEP_RESOURCE)) {
            return Arrays.equals(deployed.readAllBytes(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resource name (such as {@code dmn/service-level.dmn}) to content, in a stable order. */
    private Map<String, byte[]> readModels() {
        Path base = Path.of(models.location()).toAbsolutePath().normalize();
        Map<String, byte[]> resources = new TreeMap<>();
        for (String folder : List.of("bpmn", "dmn", "forms")) {
            Path dir = base.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(
                        "No "
                                + folder
                                + "/ folder under "
                                + base
                                + "; set clinic.models.location to the folder that holds it");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String fileName = file.getFileName().toString();
                    if (fileName.endsWith(".bpmn")
                            || fileName.endsWith(".dmn")
                            || fileName.endsWith(".form")) {
                        resources.put(folder + "/" + fileName, Files.readAllBytes(file));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return resources;
    }
}
