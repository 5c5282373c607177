package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the DMN table {@code consultant-eligibility} which specializations may take a check. Each
 * run looks up the latest deployed version, so an analyst's new version counts from the next
 * assignment without a restart. The table is evaluated by a DMN engine of its own: a sweep asks it
 * many times, and a dry run must write nothing, not even decision history.
 */
@Component
public class MatchingRules {

    public static final String ELIGIBILITY_DECISION = "consultant-eligibility";

    private final RepositoryService repository;
    private final DmnEngine dmn =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** Parsed tables by decision definition id; a deployed version never changes. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    public MatchingRules(RepositoryService repository) {
        this.repository = repository;
    }

    /** The rules as the latest deployed version has them, for one assignment run. */
    public Snapshot snapshot() {
        DecisionDefinition latest =
                repository
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey(ELIGIBILITY_DECISION)
                        .latestVersion()
                        .singleResult();
        if (latest == null) {
            throw new IllegalStateException(
                    "Decision " + ELIGIBILITY_DECISION + " is not deployed; check dmn/");
        }
        return new Snapshot(parsed.computeIfAbsent(latest.getId(), id -> parse(latest)));
    }

    private DmnDecision parse(DecisionDefinition definition) {
        try (InputStream model = repository.getDecisionModel(definition.getId())) {
            return dmn.parseDecision(definition.getKey(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One version of the rules; each type and priority is asked at most once. */
    public final class Snapshot {
        private final DmnDecision decision;
        private final Map<String, List<String>> answers = new HashMap<>();

        private Snapshot(DmnDecision decision) {
            this.decision = decision;
        }

        /** Lower-case specializations; empty when no rule matches. */
        public List<String> eligibleSpecializations(CheckType type, Priority priority) {
            return answers.computeIfAbsent(
                    type.code() + "/" + priority.code(), key -> evaluate(type, priority));
        }

        private List<String> evaluate(CheckType type, Priority priority) {
            var result =
                    dmn.evaluateDecision(
                            decision,
                            Variables.createVariables()
                                    .putValue("checkType", type.code())
                                    .putValue("priority", priority.code()));

            // COLLECT gives zero, one or several rows: always read them as a list
            List<Object> specializations = result.collectEntries("specialization");
            return specializations.stream()
                    .filter(Objects::nonNull)
                    .map(value -> value.toString().trim().toLowerCase(Locale.ROOT))
                    .distinct()
                    .toList();
        }
    }
}
