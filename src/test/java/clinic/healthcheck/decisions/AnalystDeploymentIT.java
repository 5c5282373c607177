package clinic.healthcheck.decisions;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.Priority.NORMAL;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.assignment.MatchingRules;
import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.people.Groups;
import clinic.healthcheck.support.ServiceTestBase;
import clinic.healthcheck.support.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst publishes a new version of a decision table from Camunda Modeler, through the engine's
 * REST deployment endpoint: it counts from the next assignment, and a broken table is refused with
 * a clear reason while the version in force stays.
 */
class AnalystDeploymentIT extends ServiceTestBase {

    @LocalServerPort int port;

    private WebClient modeler;
    private String eligibility;
    private String serviceLevel;

    @BeforeEach
    void analystAndConsultant() throws Exception {
        login("ana", Groups.ANALYSTS);
        login("mara", Groups.MANAGERS);
        consultant("nico", "Nutrition", "", 3, "4.5", AVAILABLE);
        modeler = new WebClient(port);
        eligibility = Files.readString(Path.of("dmn/consultant-eligibility.dmn"));
        serviceLevel = Files.readString(Path.of("dmn/service-level.dmn"));
    }

    @AfterEach
    void tablesAsInTheRepository() {
        repository
                .createDeployment()
                .name("restore")
                .addString("dmn/consultant-eligibility.dmn", eligibility)
                .addString("dmn/service-level.dmn", serviceLevel)
                .deploy();
    }

    @Test
    void aVersionAnAnalystDeploysCountsForTheNextAssignment() {
        long before = request("pat", MEDICAL, NORMAL).id();
        assertThat(check(before).status()).isEqualTo(CheckStatus.PENDING);

        var response =
                modeler.deploy(
                        "ana",
                        "consultant-eligibility.dmn",
                        eligibility.replace("\"Medical Staff\"</text>", "\"Nutrition\"</text>"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("deployedDecisionDefinitions");
        long after = request("paula", MEDICAL, NORMAL).id();
        assertThat(check(after).consultantUsername()).isEqualTo("nico");
    }

    @Test
    void aBrokenTableIsRefusedWithItsReasonAndTheVersionInForceStays() {
        int version = latestEligibilityVersion();

        var broken =
                modeler.deploy(
                        "ana",
                        "consultant-eligibility.dmn",
                        eligibility.replace("not(\"urgent\")", "not(\"urgent\""));
        var noDuration =
                modeler.deploy(
                        "ana",
                        "service-level.dmn",
                        serviceLevel.replace("\"PT15M\"", "\"a quarter of an hour\""));
        var renamedOutput =
                modeler.deploy(
                        "ana",
                        "consultant-eligibility.dmn",
                        eligibility.replace("name=\"specialization\"", "name=\"speciality\""));

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body())
                .contains("version in force stays")
                .contains("consultant-eligibility")
                .contains("cannot be evaluated");
        assertThat(noDuration.statusCode()).isEqualTo(400);
        assertThat(noDuration.body()).contains("not an ISO-8601 duration");
        assertThat(renamedOutput.statusCode()).isEqualTo(400);
        assertThat(renamedOutput.body()).contains("gives no specialization");
        assertThat(latestEligibilityVersion()).isEqualTo(version);
        consultant("carla", "Medical Staff", "", 3, "4.0", AVAILABLE);
        assertThat(request("pat", MEDICAL, NORMAL).consultantUsername()).isEqualTo("carla");
    }

    @Test
    void analystsDeployDecisionTablesOnlyAndOthersNothing() {
        String model = eligibility.replace("\"Medical Staff\"</text>", "\"Nutrition\"</text>");
        long deployments = repository.createDeploymentQuery().count();

        var process = modeler.deploy("ana", "sneaky.bpmn", "<definitions/>");
        var byManager = modeler.deploy("mara", "consultant-eligibility.dmn", model);
        var byConsultant = modeler.deploy("nico", "consultant-eligibility.dmn", model);

        assertThat(process.statusCode()).isEqualTo(400);
        assertThat(process.body()).contains("only decision tables (.dmn)");
        assertThat(byManager.statusCode()).isEqualTo(403);
        assertThat(byConsultant.statusCode()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private int latestEligibilityVersion() {
        return repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(MatchingRules.ELIGIBILITY_DECISION)
                .latestVersion()
                .singleResult()
                .getVersion();
    }
}
