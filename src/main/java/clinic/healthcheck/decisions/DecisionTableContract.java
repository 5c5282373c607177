package clinic.healthcheck.decisions;

import clinic.healthcheck.assignment.MatchingRules;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.Priority;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;

/**
 * What the service needs of each decision table it reads, checked by asking the table every check
 * type and priority there is: {@code consultant-eligibility} names a specialization in each row and
 * allows someone for at least one check; {@code service-level} gives at most one ISO-8601 duration
 * ({@code PT15M}) per check and gives one for at least one check. Asking every pair also reads
 * every expression a real check would meet, so a typo fails here and not in the sweep.
 */
final class DecisionTableContract {

    static final String ELIGIBILITY = MatchingRules.ELIGIBILITY_DECISION;
    static final String SERVICE_LEVEL = HealthCheckProcess.SERVICE_LEVEL_DECISION;

    private static final String SPECIALIZATION = "specialization";

    private final DmnEngine dmn =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** Why the file may not be deployed; empty when it may. */
    Optional<String> problemWith(String resourceName, byte[] model) {
        return problemWith(resourceName, model, Set.of());
    }

    /**
     * As {@link #problemWith(String, byte[])}; besides, when {@code specializations} (lower case,
     * the consultants' own) is not empty, an eligibility table may name no other: a misspelt
     * specialization would leave every check of its rows waiting with nobody to take them.
     */
    Optional<String> problemWith(String resourceName, byte[] model, Set<String> specializations) {
        // before anything of the file is evaluated, which asking it about every check does
        Optional<String> language = ExpressionLanguages.problemWith(resourceName, model);
        if (language.isPresent()) {
            return language;
        }

        List<DmnDecision> decisions;
        try {
            decisions = dmn.parseDecisions(new ByteArrayInputStream(model));
        } catch (RuntimeException e) {
            return Optional.of(resourceName + " is not a valid DMN file: " + e.getMessage());
        }

        for (DmnDecision decision : decisions) {
            Optional<String> problem =
                    switch (decision.getKey()) {
                        case ELIGIBILITY -> eligibilityProblem(decision, specializations);
                        case SERVICE_LEVEL -> serviceLevelProblem(decision);
                        default ->
                                Optional.of(
                                        "decision "
                                                + decision.getKey()
                                                + " in "
                                                + resourceName
                                                + " is none the service reads ("
                                                + ELIGIBILITY
                                                + ", "
                                                + SERVICE_LEVEL
                                                + "); check its id");
                    };
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> eligibilityProblem(DmnDecision decision, Set<String> known) {
        // every row that matches counts: only COLLECT, without an aggregator, gives them all
        if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)
                || table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy()
                        != HitPolicy.COLLECT
                || table.getHitPolicyHandler().getHitPolicyEntry().getAggregator() != null) {
            return Optional.of(
                    "decision "
                            + ELIGIBILITY
                            + " must be a table with hit policy COLLECT and no aggregator, so"
                            + " that every matching row's specialization counts");
        }
        return askEveryCheck(
                decision,
                new AnswerRule() {
                    @Override
                    public String problemWith(DmnDecisionResult answer) {
                        for (Map<String, Object> row : answer.getResultList()) {
                            if (!(row.get(SPECIALIZATION) instanceof String specialization)
                                    || specialization.isBlank()) {
                                return "a matching rule gives no "
                                        + SPECIALIZATION
                                        + " (the output must be named so and hold text)";
                            }
                            String key = specialization.trim().toLowerCase(Locale.ROOT);
                            if (!known.isEmpty() && !known.contains(key)) {
                                return "no consultant has the specialization '"
                                        + specialization
                                        + "' (they have: "
                                        + String.join(", ", new TreeSet<>(known))
                                        + "); check its spelling, or import the consultants"
                                        + " who have it first";
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean usable(DmnDecisionResult answer) {
                        return !answer.isEmpty();
                    }
                },
                "decision " + ELIGIBILITY + " allows nobody for any check: every check would wait");
    }

    private Optional<String> serviceLevelProblem(DmnDecision decision) {
        String output = HealthCheckProcess.Variables.ASSIGN_WITHIN;
        return askEveryCheck(
                decision,
                new AnswerRule() {
                    @Override
                    public String problemWith(DmnDecisionResult answer) {
                        if (answer.size() > 1) {
                            return "more than one rule matches";
                        }
                        if (answer.isEmpty()) {
                            return null;
                        }
                        Map<String, Object> row = answer.getSingleResult().getEntryMap();
                        if (row.size() != 1 || !row.containsKey(output)) {
                            return "the table must have one output, named " + output;
                        }
                        Object value = row.get(output);
                        if (value != null && !isPositiveDuration(value)) {
                            return output
                                    + " is '"
                                    + value
                                    + "', not an ISO-8601 duration such as PT15M or P1D";
                        }
                        return null;
                    }

                    @Override
                    public boolean usable(DmnDecisionResult answer) {
                        return answer.size() == 1 && answer.getSingleEntry() != null;
                    }
                },
                "decision "
                        + SERVICE_LEVEL
                        + " gives no duration for any check: no check would have a due time");
    }

    /** What the service needs of one answer of a table. */
    private interface AnswerRule {

        /** Why the answer is of no use to the service; null when it is. */
        String problemWith(DmnDecisionResult answer);

        /** Whether the answer gives the service something to work with. */
        boolean usable(DmnDecisionResult answer);
    }

    /**
     * Asks the table about every check there can be; the first answer that breaks the rule is the
     * problem, and a table that never gives a usable answer is one too.
     */
    private Optional<String> askEveryCheck(
            DmnDecision decision, AnswerRule rule, String whenNeverUsable) {
        int usable = 0;
        for (CheckType type : CheckType.values()) {
            for (Priority priority : Priority.values()) {
                DmnDecisionResult answer;
                try {
                    answer = evaluate(decision, type, priority);
                } catch (RuntimeException e) {
                    return Optional.of(
                            refusal(decision, type, priority)
                                    + "it cannot be evaluated: "
                                    + e.getMessage());
                }
                String problem = rule.problemWith(answer);
                if (problem != null) {
                    return Optional.of(refusal(decision, type, priority) + problem);
                }
                if (rule.usable(answer)) {
                    usable++;
                }
            }
        }
        return usable == 0 ? Optional.of(whenNeverUsable) : Optional.empty();
    }

    private DmnDecisionResult evaluate(DmnDecision decision, CheckType type, Priority priority) {
        return dmn.evaluateDecision(
                decision,
                Variables.createVariables()
                        .putValue(HealthCheckProcess.Variables.CHECK_TYPE, type.code())
                        .putValue(HealthCheckProcess.Variables.PRIORITY, priority.code()));
    }

    private static boolean isPositiveDuration(Object value) {
        try {
            Duration duration = Duration.parse(value.toString().trim());
            return !duration.isNegative() && !duration.isZero();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String refusal(DmnDecision decision, CheckType type, Priority priority) {
        return "decision "
                + decision.getKey()
                + ", for a check of type "
                + type.code()
                + " and priority "
                + priority.code()
                + ": ";
    }
}
