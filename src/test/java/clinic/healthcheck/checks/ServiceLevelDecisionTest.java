package clinic.healthcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The service-level table, alone, over every priority and check type. */
class ServiceLevelDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTable() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = new FileInputStream("dmn/service-level.dmn")) {
            decision = dmn.parseDecision("service-level", table);
        }
    }

    static Stream<Arguments> everyPriorityAndType() {
        return Stream.of(CheckType.values())
                .flatMap(
                        type ->
                                Stream.of(
                                        Arguments.of("urgent", type.code(), "PT15M"),
                                        Arguments.of(
                                                "high",
                                                type.code(),
                                                type == CheckType.MEDICAL ? "PT2H" : "PT4H"),
                                        Arguments.of("normal", type.code(), "P1D"),
                                        Arguments.of(
                                                "low",
                                                type.code(),
                                                type == CheckType.WELLNESS ? "P5D" : "P3D")));
    }

    @ParameterizedTest(name = "{0} {1} must be assigned within {2}")
    @MethodSource("everyPriorityAndType")
    void eachPriorityHasItsAssignmentWindow(String priority, String checkType, String window) {
        String assignWithin =
                dmn.evaluateDecisionTable(
                                decision,
                                Variables.createVariables()
                                        .putValue("priority", priority)
                                        .putValue("checkType", checkType))
                        .getSingleEntry();

        assertThat(assignWithin).isEqualTo(window);
    }
}
