package clinic.healthcheck.people;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.CheckType.NUTRITION;
import static clinic.healthcheck.checks.Priority.NORMAL;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.support.ServiceTestBase;
import clinic.healthcheck.support.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What working on a health check's task in Tasklist allows, proved both ways through the webapps'
 * REST API as Tasklist calls it: the check's consultant works their task and nothing more; nobody
 * else reads or completes it, whatever link or grant they got; a form cannot change the check; a
 * manager claims "Assign manually" and completes it with their choice, and nothing more.
 */
class TaskRightsIT extends ServiceTestBase {

    @LocalServerPort int port;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired HistoryService history;

    private final ObjectMapper json = new ObjectMapper();
    private HealthCheck carlas;

    @BeforeEach
    void clinic() {
        login("pat", Groups.PATIENTS);
        login("mara", Groups.MANAGERS);
        login("root", Groups.ADMINS);
        consultant("carla", "Medical Staff", "", 1, "4.8", AVAILABLE);
        consultant("dana", "Medical Staff", "", 1, "4.0", AVAILABLE);
        consultant("nico", "Nutrition", "", 1, "4.5", AVAILABLE);
        carlas = request("pat", MEDICAL, NORMAL);
        assertThat(carlas.consultantUsername()).isEqualTo("carla");
    }

    @Test
    void aConsultantWorksTheirTaskButCannotHandItOnNorSetItsVariables() {
        WebClient carla = signedIn("carla");
        String task = "/task/" + startTask().getId();

        assertThat(carla.webapp("GET", task + "/form-variables", null).statusCode()).isEqualTo(200);
        assertThat(carla.webapp("POST", task + "/assignee", user("dana")).statusCode())
                .isEqualTo(403);
        assertThat(carla.webapp("POST", task + "/delegate", user("dana")).statusCode())
                .isEqualTo(403);
        assertThat(carla.webapp("POST", task + "/unclaim", null).statusCode()).isEqualTo(403);
        // claiming for nobody (TASK_WORK allows claims) would leave the task free to claim
        assertThat(carla.webapp("POST", task + "/claim", "{\"userId\":null}").statusCode())
                .isEqualTo(403);
        assertThat(carla.webapp("POST", task + "/identity-links", candidateGroup()).statusCode())
                .isEqualTo(403);
        assertThat(carla.webapp("POST", task + "/identity-links", candidateUser()).statusCode())
                .isEqualTo(403);
        assertThat(carla.webapp("PUT", task + "/variables/priority", text("urgent")).statusCode())
                .isEqualTo(403);
        assertThat(
                        carla.webapp("PUT", task + "/localVariables/checkType", text("wellness"))
                                .statusCode())
                .isEqualTo(403);
        // a BPMN error nothing catches would end the check's path without the service
        assertThat(
                        carla.webapp("POST", task + "/bpmnError", "{\"errorCode\":\"gone\"}")
                                .statusCode())
                .isGreaterThanOrEqualTo(400);

        Task after = startTask();
        assertThat(after.getAssignee()).isEqualTo("carla");
        assertThat(after.getOwner()).isNull();
        assertThat(tasks.getIdentityLinksForTask(after.getId()))
                .extracting(IdentityLink::getType)
                .containsOnly("assignee");
        assertThat(runtime.getVariables(carlas.processInstanceId()))
                .containsEntry(Variables.PRIORITY, "normal")
                .containsEntry(Variables.CHECK_TYPE, "medical");
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.ASSIGNED);

        assertThat(carla.webapp("POST", task + "/submit-form", form(Map.of())).statusCode())
                .isEqualTo(204);
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.IN_PROGRESS);
    }

    @Test
    void theGroupsRightsGiveNobodyElseWorkOnAConsultantsTask() {
        String task = "/task/" + startTask().getId();
        WebClient mara = signedIn("mara");

        // managers read every task of a health check, and that is all
        assertThat(mara.webapp("GET", task + "/form-variables", null).statusCode()).isEqualTo(200);
        for (String other : List.of("mara", "nico", "pat")) {
            WebClient web = other.equals("mara") ? mara : signedIn(other);
            assertThat(web.webapp("POST", task + "/claim", user(other)).statusCode())
                    .as(other)
                    .isIn(403, 404);
            assertThat(web.webapp("POST", task + "/submit-form", form(Map.of())).statusCode())
                    .as(other)
                    .isIn(403, 404);
            assertThat(web.webapp("PUT", task + "/variables/priority", text("low")).statusCode())
                    .as(other)
                    .isIn(403, 404);
        }
        assertThat(startTask().getAssignee()).isEqualTo("carla");
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.ASSIGNED);
    }

    @Test
    void aFormThatChangesTheCheckIsRefusedAndLeavesNoTrace() {
        WebClient carla = signedIn("carla");
        String task = "/task/" + startTask().getId();
        Map<String, Object> tampered = new LinkedHashMap<>();
        tampered.put(Variables.CHECK_ID, 999L);
        tampered.put(Variables.PATIENT, "paula");
        tampered.put(Variables.PRIORITY, "urgent");
        tampered.put(Variables.CHECK_TYPE, "wellness");
        tampered.put(Variables.CONSULTANT, "dana");

        for (var change : tampered.entrySet()) {
            for (String step : List.of("/submit-form", "/complete")) {
                var answer =
                        carla.webapp(
                                "POST",
                                task + step,
                                form(Map.of(change.getKey(), change.getValue())));

                assertThat(answer.statusCode())
                        .as("%s by %s", change.getKey(), step)
                        .isEqualTo(400);
                assertThat(answer.body()).contains(change.getKey()).contains("cannot be changed");
            }
        }

        assertThat(startTask().getAssignee()).isEqualTo("carla");
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(updatesOf(carlas))
                .extracting(HistoricVariableUpdate::getValue)
                .doesNotContainAnyElementsOf(tampered.values());

        // the form as Tasklist shows it, copies included, goes through
        Map<String, Object> asShown = new LinkedHashMap<>();
        asShown.put(Variables.CHECK_ID, carlas.id());
        asShown.put(Variables.CHECK_TYPE, "medical");
        asShown.put(Variables.PRIORITY, "normal");
        assertThat(carla.webapp("POST", task + "/submit-form", form(asShown)).statusCode())
                .isEqualTo(204);
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.IN_PROGRESS);
    }

    @Test
    void recordingTheConsultationIsHeldToTheSameRules() {
        healthChecks.start(carlas.id(), null, caller("carla", Role.CONSULTANT));
        WebClient carla = signedIn("carla");
        String task = "/task/" + recordTask().getId();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(Variables.NOTES, "Fine");
        record.put(Variables.RECOMMENDATIONS, "Rest");
        Map<String, Object> retyped = new LinkedHashMap<>(record);
        retyped.put(Variables.CHECK_TYPE, "wellness");

        assertThat(carla.webapp("POST", task + "/complete", form(retyped)).statusCode())
                .isEqualTo(400);
        assertThat(carla.webapp("POST", task + "/submit-form", form(retyped)).statusCode())
                .isEqualTo(400);
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.IN_PROGRESS);

        assertThat(carla.webapp("POST", task + "/submit-form", form(record)).statusCode())
                .isEqualTo(204);
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.COMPLETED);
    }

    @Test
    void aCandidateAddedLaterGetsNoRightOnAConsultantsTask() {
        String id = startTask().getId();
        // the service's own calls may add links; they give nobody a right
        tasks.addCandidateGroup(id, Groups.PATIENTS);
        tasks.addCandidateUser(id, "dana");

        for (String other : List.of("pat", "dana")) {
            WebClient web = signedIn(other);
            assertThat(web.webapp("GET", "/task/" + id + "/form-variables", null).statusCode())
                    .as(other)
                    .isIn(403, 404);
            assertThat(
                            web.webapp("POST", "/task/" + id + "/submit-form", form(Map.of()))
                                    .statusCode())
                    .as(other)
                    .isIn(403, 404);
            as(
                    other,
                    other.equals("pat") ? Groups.PATIENTS : Groups.MEDICAL_STAFF,
                    () -> {
                        assertThat(tasks.createTaskQuery().taskId(id).count()).isZero();
                        return null;
                    });
        }
        assertThat(startTask()).isNotNull();
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.ASSIGNED);
    }

    @Test
    void onlyTheChecksConsultantCompletesItsTaskWhateverGrantOthersHave() {
        String id = startTask().getId();
        // as an admin might grant in Admin: the engine's rights, but not the check
        grant("dana", id, Permissions.READ, Permissions.TASK_WORK);
        grant("pat", id, Permissions.READ, Permissions.TASK_WORK);

        for (String other : List.of("dana", "pat", "root")) {
            var answer =
                    signedIn(other).webapp("POST", "/task/" + id + "/submit-form", form(Map.of()));

            assertThat(answer.statusCode()).as(other).isEqualTo(403);
            assertThat(answer.body()).contains("Only the check's consultant");
            assertThat(startTask()).isNotNull();
            assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.ASSIGNED);
        }

        var carlasOwn =
                signedIn("carla").webapp("POST", "/task/" + id + "/submit-form", form(Map.of()));
        assertThat(carlasOwn.statusCode()).isEqualTo(204);
        assertThat(check(carlas.id()).status()).isEqualTo(CheckStatus.IN_PROGRESS);
    }

    @Test
    void aManagerClaimsAssignManuallyAndCompletesItWithTheirChoiceAndNothingMore() {
        long id = escalated("paula", NUTRITION);
        String manual = "/task/" + manualTask(id).getId();
        WebClient mara = signedIn("mara");

        assertThat(mara.webapp("GET", manual + "/form-variables", null).statusCode())
                .isEqualTo(200);
        assertThat(mara.webapp("POST", manual + "/claim", user("nico")).statusCode())
                .isEqualTo(403);
        assertThat(mara.webapp("POST", manual + "/claim", user("mara")).statusCode())
                .isEqualTo(204);
        assertThat(mara.webapp("POST", manual + "/claim", "{\"userId\":null}").statusCode())
                .as("given back to the managers")
                .isEqualTo(204);
        assertThat(mara.webapp("POST", manual + "/claim", user("mara")).statusCode())
                .isEqualTo(204);
        assertThat(mara.webapp("POST", manual + "/assignee", user("nico")).statusCode())
                .isEqualTo(403);
        assertThat(mara.webapp("POST", manual + "/delegate", user("nico")).statusCode())
                .isEqualTo(403);
        assertThat(mara.webapp("POST", manual + "/identity-links", candidateGroup()).statusCode())
                .isEqualTo(403);
        assertThat(mara.webapp("PUT", manual + "/variables/priority", text("low")).statusCode())
                .isEqualTo(403);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put(Variables.CHOSEN_CONSULTANT, "nico");
        Map<String, Object> retyped = new LinkedHashMap<>(choice);
        retyped.put(Variables.PRIORITY, "low");
        assertThat(mara.webapp("POST", manual + "/submit-form", form(retyped)).statusCode())
                .isEqualTo(400);
        assertThat(manualTask(id).getAssignee()).isEqualTo("mara");
        assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);

        assertThat(mara.webapp("POST", manual + "/submit-form", form(choice)).statusCode())
                .isEqualTo(204);
        assertThat(check(id).status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(check(id).consultantUsername()).isEqualTo("nico");
    }

    @Test
    void onlyManagersAssignByHandWhateverGrantOthersHave() {
        long id = escalated("paula", NUTRITION);
        String manual = manualTask(id).getId();
        grant("nico", manual, Permissions.READ, Permissions.TASK_WORK);
        Map<String, Object> choice = Map.of(Variables.CHOSEN_CONSULTANT, "nico");

        var nicos =
                signedIn("nico").webapp("POST", "/task/" + manual + "/submit-form", form(choice));

        assertThat(nicos.statusCode()).isEqualTo(403);
        assertThat(nicos.body()).contains("Only managers and admins");
        assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);
        assertThat(manualTask(id)).isNotNull();

        var maras =
                signedIn("mara").webapp("POST", "/task/" + manual + "/submit-form", form(choice));
        assertThat(maras.statusCode()).isEqualTo(204);
        assertThat(check(id).consultantUsername()).isEqualTo("nico");
    }

    @Test
    void aConsultantsListShowsTheCheckItsTypeAndPriorityAndNothingOfThePatient() throws Exception {
        JsonNode listed = myTasks("carla");

        assertThat(listed).hasSize(1);
        Map<String, String> shown = new LinkedHashMap<>();
        listed.get(0)
                .path("_embedded")
                .path("variable")
                .forEach(v -> shown.put(v.path("name").asText(), v.path("value").asText()));
        assertThat(shown)
                .containsEntry(Variables.CHECK_ID, Long.toString(carlas.id()))
                .containsEntry(Variables.CHECK_TYPE, "medical")
                .containsEntry(Variables.PRIORITY, "normal")
                .doesNotContainKeys(Variables.PATIENT, Variables.DESCRIPTION);
        assertThat(myTasks("dana")).isEmpty();
    }

    @Test
    void grantsFromBeforeAreNarrowedToTaskWork() {
        String id = startTask().getId();
        // what the engine gave a task's people before TASK_WORK: UPDATE, variables included
        grant("dana", id, Permissions.READ, Permissions.UPDATE);
        as(
                "dana",
                Groups.MEDICAL_STAFF,
                () -> {
                    tasks.setVariableLocal(id, "remark", "set with UPDATE");
                    return null;
                });

        assertThat(TaskWorkRights.narrowGrantsFromBefore(authorizations)).isGreaterThanOrEqualTo(1);

        Authorization danas = grantOf("dana", id);
        assertThat(danas.isPermissionGranted(Permissions.UPDATE)).isFalse();
        assertThat(danas.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        as(
                "dana",
                Groups.MEDICAL_STAFF,
                () -> {
                    assertThatThrownBy(() -> tasks.setVariableLocal(id, "remark", "again"))
                            .isInstanceOf(AuthorizationException.class);
                    return null;
                });
        Authorization admins =
                authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(Groups.ADMINS)
                        .resourceType(Resources.TASK)
                        .singleResult();
        assertThat(admins.isPermissionGranted(Permissions.ALL)).isTrue();
    }

    // --- helpers

    private WebClient signedIn(String user) {
        WebClient web = new WebClient(port);
        // patients have no Tasklist; signing into their own profile makes them known all the same
        String application = user.equals("pat") ? "welcome" : "tasklist";
        assertThat(web.signIn(application, user).statusCode()).as(user).isEqualTo(200);
        return web;
    }

    /** The "My tasks" list as Tasklist asks for it: the tasks with the filter's variables. */
    private JsonNode myTasks(String user) throws Exception {
        String filter =
                filters.createFilterQuery()
                        .filterName(TasklistFilters.MY_TASKS)
                        .singleResult()
                        .getId();
        var list =
                signedIn(user)
                        .webapp(
                                "GET",
                                "/filter/" + filter + "/list?firstResult=0&maxResults=15",
                                null,
                                "application/hal+json");
        assertThat(list.statusCode()).isEqualTo(200);
        return json.readTree(list.body()).path("_embedded").path("task");
    }

    private Task startTask() {
        return tasks.createTaskQuery()
                .processInstanceId(carlas.processInstanceId())
                .taskDefinitionKey(HealthCheckProcess.START_CONSULTATION)
                .singleResult();
    }

    private Task recordTask() {
        return tasks.createTaskQuery()
                .processInstanceId(carlas.processInstanceId())
                .taskDefinitionKey(HealthCheckProcess.RECORD_CONSULTATION)
                .singleResult();
    }

    private Task manualTask(long id) {
        return tasks.createTaskQuery()
                .processInstanceId(check(id).processInstanceId())
                .taskDefinitionKey(HealthCheckProcess.ASSIGN_MANUALLY)
                .singleResult();
    }

    private void grant(String user, String taskId, Permissions... permissions) {
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setResource(Resources.TASK);
        grant.setResourceId(taskId);
        for (Permissions permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    private Authorization grantOf(String user, String taskId) {
        return authorizations
                .createAuthorizationQuery()
                .userIdIn(user)
                .resourceType(Resources.TASK)
                .resourceId(taskId)
                .singleResult();
    }

    private List<HistoricVariableUpdate> updatesOf(HealthCheck check) {
        List<HistoricVariableUpdate> updates = new ArrayList<>();
        history.createHistoricDetailQuery()
                .processInstanceId(check.processInstanceId())
                .variableUpdates()
                .list()
                .forEach(detail -> updates.add((HistoricVariableUpdate) detail));
        return updates;
    }

    /** A form or completion body: each value typed as the engine stores it. */
    private String form(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach(
                (name, value) ->
                        variables.put(
                                name,
                                Map.of("value", value, "type", value.getClass().getSimpleName())));
        return write(Map.of("variables", variables));
    }

    private String text(String value) {
        return write(Map.of("value", value, "type", "String"));
    }

    private String user(String name) {
        return write(Map.of("userId", name));
    }

    private String candidateGroup() {
        return write(Map.of("groupId", Groups.PATIENTS, "type", "candidate"));
    }

    private String candidateUser() {
        return write(Map.of("userId", "dana", "type", "candidate"));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
