package clinic.healthcheck.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The eligibility table, alone, over every check type and priority. */
class ConsultantEligibilityDecisionTest {

    private static final String MEDICAL = "Medical Staff";
    private static final String NUTRITION = "Nutrition";

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTable() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = new FileInputStream("dmn/consultant-eligibility.dmn")) {
            decision = dmn.parseDecision(MatchingRules.ELIGIBILITY_DECISION, table);
        }
    }

    static Stream<Arguments> everyTypeAndPriority() {
        return Stream.of(
                Arguments.of("nutrition", "urgent", List.of(NUTRITION)),
                Arguments.of("nutrition", "high", List.of(NUTRITION)),
                Arguments.of("nutrition", "normal", List.of(NUTRITION)),
                Arguments.of("nutrition", "low", List.of(NUTRITION)),
                Arguments.of("medical", "urgent", List.of(MEDICAL)),
                Arguments.of("medical", "high", List.of(MEDICAL)),
                Arguments.of("medical", "normal", List.of(MEDICAL)),
                Arguments.of("medical", "low", List.of(MEDICAL)),
                Arguments.of("initial", "urgent", List.of(MEDICAL)),
                Arguments.of("initial", "high", List.of(MEDICAL, NUTRITION)),
                Arguments.of("initial", "normal", List.of(MEDICAL, NUTRITION)),
                Arguments.of("initial", "low", List.of(MEDICAL, NUTRITION)),
                Arguments.of("follow_up", "urgent", List.of(MEDICAL, NUTRITION)),
                Arguments.of("follow_up", "high", List.of(MEDICAL, NUTRITION)),
                Arguments.of("follow_up", "normal", List.of(MEDICAL, NUTRITION)),
                Arguments.of("follow_up", "low", List.of(MEDICAL, NUTRITION)),
                Arguments.of("wellness", "urgent", List.of(MEDICAL, NUTRITION)),
                Arguments.of("wellness", "high", List.of(MEDICAL, NUTRITION)),
                Arguments.of("wellness", "normal", List.of(MEDICAL, NUTRITION)),
                Arguments.of("wellness", "low", List.of(MEDICAL, NUTRITION)));
    }

    @ParameterizedTest(name = "{0} / {1} may go to {2}")
    @MethodSource("everyTypeAndPriority")
    void eachTypeAndPriorityGoesToItsSpecializations(
            String checkType, String priority, List<String> specializations) {
        assertThat(eligible(checkType, priority))
                .containsExactlyInAnyOrderElementsOf(specializations);
    }

    @Test
    void anUnknownCheckTypeMatchesNoRule() {
        assertThat(eligible("dental", "normal")).isEmpty();
    }

    private static List<String> eligible(String checkType, String priority) {
        return dmn.evaluateDecisionTable(
                        decision,
                        Variables.createVariables()
                                .putValue("checkType", checkType)
                                .putValue("priority", priority))
                .collectEntries("specialization");
    }
}
