package clinic.healthcheck.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a new version of each decision table must answer before the service lets it in. */
class DecisionTableContractTest {

    private final DecisionTableContract contract = new DecisionTableContract();

    @Test
    void theTablesInTheRepositoryKeepTheContract() throws IOException {
        assertThat(problem("consultant-eligibility.dmn", eligibility())).isNull();
        assertThat(problem("service-level.dmn", serviceLevel())).isNull();
    }

    @Test
    void aTableThatIsNotDmnIsRefused() {
        assertThat(problem("consultant-eligibility.dmn", "<definitions>"))
                .contains("not a valid DMN file");
    }

    @Test
    void anExpressionThatCannotBeReadIsRefusedBeforeAnyCheckMeetsIt() throws IOException {
        String broken = eligibility().replace("not(\"urgent\")", "not(\"urgent\"");

        assertThat(problem("consultant-eligibility.dmn", broken))
                .contains("decision consultant-eligibility, for a check of type initial")
                .contains("cannot be evaluated");
    }

    @Test
    void anEligibilityRowWithoutASpecializationIsRefused() throws IOException {
        String renamed = eligibility().replace("name=\"specialization\"", "name=\"team\"");
        String empty = eligibility().replace("<text>\"Nutrition\"</text>", "<text>\"\"</text>");

        assertThat(problem("e.dmn", renamed)).contains("gives no specialization");
        assertThat(problem("e.dmn", empty)).contains("gives no specialization");
    }

    @Test
    void anEligibilityTableThatAllowsNobodyIsRefusedButOneThatLeavesSomeChecksWaitingIsNot()
            throws IOException {
        String nobody =
                eligibility().replaceAll("<text>\"[a-z_]+\"</text>", "<text>\"dental\"</text>");
        String noMedical =
                eligibility().replace("<text>\"medical\"</text>", "<text>\"dental\"</text>");

        assertThat(problem("e.dmn", nobody)).contains("allows nobody for any check");
        assertThat(problem("e.dmn", noMedical)).isNull();
    }

    @Test
    void aServiceLevelThatIsNotAPositiveDurationIsRefused() throws IOException {
        String words = serviceLevel().replace("\"PT15M\"", "\"15 minutes\"");
        String zero = serviceLevel().replace("\"PT15M\"", "\"PT0S\"");

        assertThat(problem("s.dmn", words)).contains("'15 minutes', not an ISO-8601 duration");
        assertThat(problem("s.dmn", zero)).contains("not an ISO-8601 duration");
    }

    @Test
    void aServiceLevelTableWhereTwoRulesMatchIsRefused() throws IOException {
        String overlapping = serviceLevel().replace("<text>\"urgent\"</text>", "<text></text>");

        assertThat(problem("s.dmn", overlapping)).contains("cannot be evaluated");
    }

    @Test
    void aDecisionTheServiceDoesNotReadIsRefusedSoATypoInItsIdIsNoticed() throws IOException {
        String typo =
                eligibility()
                        .replace(
                                "decision id=\"consultant-eligibility\"",
                                "decision id=\"consultant-eligibilty\"");

        assertThat(problem("e.dmn", typo))
                .contains("consultant-eligibilty")
                .contains("check its id");
    }

    @Test
    void anExpressionInJuelIsRefusedBeforeAnythingOfTheTableRuns() throws IOException {
        // were this expression evaluated, it would set a system property through reflection
        String juel =
                eligibility()
                        .replaceFirst(
                                "<inputExpression ",
                                "<inputExpression expressionLanguage=\"juel\" ")
                        .replace(
                                "<text>checkType</text>",
                                "<text>${''.getClass().forName('java.lang.System')"
                                        + ".getMethod('setProperty', ''.getClass(),"
                                        + " ''.getClass()).invoke(null,"
                                        + " 'clinic.table.ran', 'yes')}</text>");

        String refusal = problem("consultant-eligibility.dmn", juel);

        assertThat(System.getProperty("clinic.table.ran")).isNull();
        assertThat(refusal).contains("'juel'").contains("FEEL only");
    }

    @Test
    void feelCannotCallJavaSoAnExternalFunctionInATableRunsNothing() throws IOException {
        String external =
                eligibility()
                        .replace(
                                "<text>\"Nutrition\"</text>",
                                "<text>(function(k, v) external {java: {class:"
                                        + " \"java.lang.System\", method signature:"
                                        + " \"setProperty(java.lang.String, java.lang.String)\"}})"
                                        + "(\"clinic.feel.ran\", \"yes\")</text>");

        String refusal = problem("consultant-eligibility.dmn", external);

        assertThat(System.getProperty("clinic.feel.ran")).isNull();
        assertThat(refusal).isNotNull();
    }

    @Test
    void aScriptLanguageForTheWholeFileIsRefused() throws IOException {
        String script =
                eligibility()
                        .replaceFirst(
                                "<definitions ", "<definitions expressionLanguage=\"javascript\" ");

        assertThat(problem("e.dmn", script)).contains("'javascript'").contains("FEEL only");
    }

    @Test
    void aFileThatDeclaresEntitiesIsRefusedUnread() throws IOException {
        String entities =
                eligibility()
                        .replaceFirst(
                                "<definitions ",
                                "<!DOCTYPE definitions [<!ENTITY secret SYSTEM"
                                        + " \"file:///etc/hostname\">]><definitions ");

        assertThat(problem("e.dmn", entities)).contains("not a valid DMN file");
    }

    @Test
    void anEligibilityTableThatKeepsOnlyOneMatchingRowIsRefused() throws IOException {
        String first = eligibility().replace("hitPolicy=\"COLLECT\"", "hitPolicy=\"FIRST\"");

        assertThat(problem("e.dmn", first)).contains("hit policy COLLECT");
    }

    @Test
    void aSpecializationNoConsultantHasIsRefusedOnceThereAreConsultants() throws IOException {
        String typo =
                eligibility().replace("<text>\"Nutrition\"</text>", "<text>\"Nutritoin\"</text>");
        byte[] model = typo.getBytes(StandardCharsets.UTF_8);

        assertThat(contract.problemWith("e.dmn", model, Set.of("medical staff", "nutrition")))
                .get()
                .asString()
                .contains("'Nutritoin'")
                .contains("medical staff, nutrition");
        assertThat(contract.problemWith("e.dmn", model, Set.of())).isEmpty();
    }

    private String problem(String name, String model) {
        return contract.problemWith(name, model.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    private static String eligibility() throws IOException {
        return read("dmn/consultant-eligibility.dmn");
    }

    private static String serviceLevel() throws IOException {
        return read("dmn/service-level.dmn");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in =
                DecisionTableContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
