package clinic.healthcheck.assignment;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.Priority.NORMAL;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static clinic.healthcheck.consultants.ConsultantStatus.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.consultants.AvailabilityService;
import clinic.healthcheck.people.Groups;
import clinic.healthcheck.people.Role;
import clinic.healthcheck.support.Race;
import clinic.healthcheck.support.ServiceTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Checks given to a consultant by hand: by a manager or a consultant through the API, and by a
 * manager in Tasklist once a check waits past its due time; each audited as manual, each through
 * the automatic path's conditional updates, so a manual and an automatic assignment racing leave
 * one winner and nothing behind.
 */
abstract class ManualAssignmentTests extends ServiceTestBase {

    private static final String AUDIT = "SELECT * FROM assignment_log WHERE health_check_id = ?";

    @Autowired MockMvc mvc;
    @Autowired ManualAssignment manual;
    @Autowired AvailabilityService availability;
    @Autowired FormService forms;
    @Autowired AuthorizationService authorizations;

    @BeforeEach
    void people() {
        login("pat", Groups.PATIENTS);
        login("mara", Groups.MANAGERS);
    }

    // --- through the API

    @Test
    void aManagerGivesAPendingCheckToAConsultantAndTheAuditSaysWhoToWhomAndWhy() throws Exception {
        consultant("carla", "Medical Staff", "", 2, "4.8", AVAILABLE);
        consultant("dana", "Medical Staff", "", 2, "4.0", AVAILABLE);
        long id = waiting();

        assign("mara", id, "{\"consultant\": \"dana\", \"reason\": \"knows the family\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consultant").value("dana"))
                .andExpect(jsonPath("$.autoAssigned").value(false));

        assertThat(audit(id))
                .containsEntry("result", "success")
                .containsEntry("triggered_by", "manual")
                .containsEntry("assigned_by", "mara")
                .containsEntry("over_capacity", false);
        assertThat((String) audit(id).get("message"))
                .contains("mara assigned it by hand to dana")
                .contains("rank 2 of those on offer")
                .contains("reason: knows the family");
        assertThat(task(id)).extracting(Task::getAssignee).isEqualTo("dana");
        assertInvariants();
    }

    @Test
    void goingOverCapacityTakesAnOverrideAndAReasonAndIsAuditedAsSuch() throws Exception {
        consultant("dana", "Medical Staff", "", 1, "4.0", AVAILABLE);
        request("pat", MEDICAL, NORMAL);
        long id = waiting();

        assign("mara", id, "{\"consultant\": \"dana\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("no_free_slot"));
        assign("mara", id, "{\"consultant\": \"dana\", \"override\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);
        assign("mara", id, "{\"consultant\": \"dana\", \"override\": true, \"reason\": \"urgent\"}")
                .andExpect(status().isOk());

        assertThat(consultant("dana").currentAssignments()).isEqualTo(2);
        assertThat(audit(id)).containsEntry("over_capacity", true);
        assertThat((String) audit(id).get("message")).contains("over capacity by override");
        long next = request("pat", MEDICAL, NORMAL).id();
        assertThat(check(next).status())
                .as("no automatic slot beyond the maximum")
                .isEqualTo(CheckStatus.PENDING);
        assertInvariants();
    }

    @Test
    void aConsultantTakesAWaitingCheckTheTableLetsThemTakeWithinTheirCapacity() throws Exception {
        consultant("carla", "Medical Staff", "", 1, "4.8", AVAILABLE);
        long first = waiting();
        long second = waiting();

        mvc.perform(get("/api/health-checks/claimable").with(httpBasic("carla", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(first))
                .andExpect(jsonPath("$[0].patient").doesNotExist())
                .andExpect(jsonPath("$[0].description").doesNotExist());
        assign("carla", first, "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consultant").value("carla"));
        assign("carla", second, "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("no_free_slot"));

        assertThat(audit(first))
                .containsEntry("triggered_by", "self_assignment")
                .containsEntry("assigned_by", "carla");
        assertThat(check(second).status()).isEqualTo(CheckStatus.PENDING);
        assertInvariants();
    }

    @Test
    void aConsultantTakesNoCheckTheTableKeepsFromThemNorOneForSomeoneElse() throws Exception {
        consultant("nico", "Nutrition", "", 3, "4.5", AVAILABLE);
        consultant("carla", "Medical Staff", "", 3, "4.8", AVAILABLE);
        long id = waiting();

        assign("nico", id, "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("no_specialization"));
        mvc.perform(get("/api/health-checks/claimable").with(httpBasic("nico", PASSWORD)))
                .andExpect(jsonPath("$.length()").value(0));
        assign("carla", id, "{\"consultant\": \"nico\"}").andExpect(status().isForbidden());
        assign("carla", id, "{\"override\": true, \"reason\": \"why not\"}")
                .andExpect(status().isForbidden());

        assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);
        assertThat(successes(id)).isZero();
    }

    @Test
    void aManagerReassignsACheckWhoseConsultantWentOfflineBeforeStartingIt() throws Exception {
        consultant("dana", "Medical Staff", "", 2, "4.9", AVAILABLE);
        consultant("carla", "Medical Staff", "", 2, "4.0", AVAILABLE);
        HealthCheck check = request("pat", MEDICAL, NORMAL);
        assertThat(check.consultantUsername()).isEqualTo("dana");
        String danasTask = task(check.id()).getId();
        Instant firstAssigned = check(check.id()).assignedAt();
        availability.update("dana", OFFLINE, null);

        mvc.perform(
                        post("/api/health-checks/" + check.id() + "/reassign")
                                .with(httpBasic("mara", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"consultant\": \"carla\", \"reason\": \"dana is ill\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consultant").value("carla"))
                .andExpect(jsonPath("$.status").value("assigned"));

        assertThat(consultant("dana").currentAssignments()).isZero();
        assertThat(consultant("carla").currentAssignments()).isEqualTo(1);
        assertThat(check(check.id()).assignedAt())
                .as("the service level measured the first assignment")
                .isEqualTo(firstAssigned);
        assertThat(check(check.id()).autoAssigned()).isTrue();
        Task carlasTask = task(check.id());
        assertThat(carlasTask.getAssignee()).isEqualTo("carla");
        assertThat(carlasTask.getId()).isNotEqualTo(danasTask);
        assertThat(
                        authorizations
                                .createAuthorizationQuery()
                                .resourceType(Resources.TASK)
                                .userIdIn("dana")
                                .count())
                .as("dana keeps no right on any task")
                .isZero();
        mvc.perform(get("/api/health-checks/" + check.id()).with(httpBasic("dana", PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(reassignments(check.id()))
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row)
                                    .containsEntry("assigned_by", "mara")
                                    .containsEntry("triggered_by", "manual");
                            assertThat((String) row.get("message"))
                                    .contains("reassigned it from dana to carla")
                                    .contains("dana is ill");
                        });
        mvc.perform(
                        post("/api/health-checks/" + check.id() + "/start")
                                .with(httpBasic("carla", PASSWORD)))
                .andExpect(jsonPath("$.status").value("in_progress"));
        assertInvariants();
    }

    @Test
    void aCheckThatStartedIsNotReassignedNorAssignedAgain() throws Exception {
        consultant("carla", "Medical Staff", "", 2, "4.8", AVAILABLE);
        consultant("dana", "Medical Staff", "", 2, "4.0", AVAILABLE);
        long id = request("pat", MEDICAL, NORMAL).id();
        healthChecks.start(id, null, caller("carla", Role.CONSULTANT));

        mvc.perform(
                        post("/api/health-checks/" + id + "/reassign")
                                .with(httpBasic("mara", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"consultant\": \"dana\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.state").value("in_progress"));
        assign("mara", id, "{\"consultant\": \"dana\"}").andExpect(status().isConflict());

        assertThat(check(id).consultantUsername()).isEqualTo("carla");
        assertInvariants();
    }

    @Test
    void theConsultantsOnOfferAreRankedAsTheAutomaticPathRanksThem() throws Exception {
        consultant("dana", "Medical Staff", "", 2, "4.0", AVAILABLE);
        consultant("carla", "Medical Staff", "", 2, "4.8", AVAILABLE);
        consultant("erin", "Medical Staff", "nutrition", 2, "5.0", AVAILABLE);
        consultant("fred", "Medical Staff", "", 0, "4.9", AVAILABLE);
        consultant("gail", "Medical Staff", "", 2, "5.0", OFFLINE);
        consultant("nico", "Nutrition", "", 2, "5.0", AVAILABLE);
        long id = waiting();

        mvc.perform(
                        get("/api/health-checks/" + id + "/candidates")
                                .with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[*].username").value(contains("carla", "dana", "erin", "fred")))
                .andExpect(jsonPath("$[2].takesType").value(false))
                .andExpect(jsonPath("$[3].freeSlots").value(0));

        sweep();
        assertThat(check(id).consultantUsername())
                .as("the automatic path's first choice")
                .isEqualTo("carla");
    }

    // --- past the due time, in Tasklist

    @Test
    void aCheckStillWaitingAtItsDueTimeIsAssignedByAManagerInTasklist() {
        consultant("carla", "Medical Staff", "", 2, "4.8", AVAILABLE);
        long id = escalated("pat", MEDICAL);
        Task manual = assignManuallyTask(id);
        assertThat(manual.getPriority()).isEqualTo(100);
        assertThat(tasks.getVariableLocal(manual.getId(), Variables.CONSULTANT_OPTIONS).toString())
                .contains("carla");

        complete(manual, "carla", false, "call her today");

        assertThat(check(id).consultantUsername()).isEqualTo("carla");
        assertThat(check(id).autoAssigned()).isFalse();
        assertThat(audit(id))
                .containsEntry("triggered_by", "escalation")
                .containsEntry("assigned_by", "mara");
        assertThat(runtime.getActiveActivityIds(check(id).processInstanceId()))
                .contains(HealthCheckProcess.START_CONSULTATION)
                .doesNotContain(
                        HealthCheckProcess.WAIT_FOR_CONSULTANT, HealthCheckProcess.ASSIGN_MANUALLY);
        assertThat(sweep().assigned()).as("the wait is withdrawn").isZero();
        assertInvariants();
    }

    @Test
    void aManagersChoiceTheRulesRefuseLeavesTheTaskAsItWas() {
        consultant("carla", "Medical Staff", "", 1, "4.8", AVAILABLE);
        request("pat", MEDICAL, NORMAL);
        long id = escalated("pat", MEDICAL);
        Task manual = assignManuallyTask(id);

        assertThatThrownBy(() -> complete(manual, "carla", false, null))
                .hasMessageContaining("carla has 1 of 1 slots in use");
        assertThatThrownBy(() -> complete(manual, "carla", true, " "))
                .hasMessageContaining("assignmentReason: is required to assign over capacity");
        assertThatThrownBy(() -> complete(manual, "nobody", false, null))
                .hasMessageContaining("no consultant is called nobody");
        assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);
        assertThat(assignManuallyTask(id)).isNotNull();

        complete(assignManuallyTask(id), "carla", true, "no one else today");
        assertThat(check(id).consultantUsername()).isEqualTo("carla");
        assertThat(audit(id)).containsEntry("over_capacity", true);
        assertInvariants();
    }

    @Test
    void whenTheAutomaticPathWinsTheManagersTaskIsWithdrawn() {
        consultant("carla", "Medical Staff", "", 2, "4.8", OFFLINE);
        long id = escalated("pat", MEDICAL);
        Task manual = assignManuallyTask(id);

        availability.update("carla", AVAILABLE, null);

        assertThat(check(id).consultantUsername()).isEqualTo("carla");
        assertThat(
                        tasks.createTaskQuery()
                                .taskDefinitionKey(HealthCheckProcess.ASSIGN_MANUALLY)
                                .count())
                .isZero();
        assertThatThrownBy(() -> complete(manual, "carla", false, null));
        assertThat(successes(id)).isEqualTo(1);
        assertInvariants();
    }

    // --- races

    @Test
    void aManualAndAnAutomaticAssignmentRacingLeaveExactlyOneWinner() throws Exception {
        consultant("carla", "Medical Staff", "", 20, "4.8", AVAILABLE);
        consultant("dana", "Medical Staff", "", 20, "4.0", AVAILABLE);
        var mara = caller("mara", Role.MANAGER);
        List<Long> ids = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            long id = waiting();
            ids.add(id);
            Race.atOnce(
                    () -> assignment.assignCheck(id, Trigger.SWEEP),
                    () ->
                            manual.assign(
                                    id, mara, new ManualAssignment.Request("dana", false, null)));
        }

        for (long id : ids) {
            assertThat(check(id).status()).isEqualTo(CheckStatus.ASSIGNED);
            assertThat(successes(id)).isEqualTo(1);
        }
        assertThat(
                        consultant("carla").currentAssignments()
                                + consultant("dana").currentAssignments())
                .isEqualTo(10);
        assertInvariants();
    }

    @Test
    void aManagersTaskAndTheSweepRacingLeaveExactlyOneWinnerAndNoTaskBehind() throws Exception {
        consultant("carla", "Medical Staff", "", 20, "4.8", AVAILABLE);
        consultant("dana", "Medical Staff", "", 20, "4.0", AVAILABLE);
        List<Long> ids = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long id = escalated("pat", MEDICAL);
            ids.add(id);
            Task manual = assignManuallyTask(id);
            Race.atOnce(
                    () -> sweep(),
                    () -> {
                        complete(manual, "dana", false, null);
                        return null;
                    });
        }

        for (long id : ids) {
            assertThat(check(id).status()).isEqualTo(CheckStatus.ASSIGNED);
            assertThat(successes(id)).isEqualTo(1);
        }
        assertThat(
                        tasks.createTaskQuery()
                                .taskDefinitionKey(HealthCheckProcess.ASSIGN_MANUALLY)
                                .count())
                .isZero();
        assertInvariants();
    }

    // --- helpers

    /** A check waiting as pending, not yet offered to anyone. */
    private long waiting() {
        return backlog("pat", MEDICAL, NORMAL, Instant.now().toString());
    }

    private Task assignManuallyTask(long id) {
        return tasks.createTaskQuery()
                .processInstanceId(check(id).processInstanceId())
                .taskDefinitionKey(HealthCheckProcess.ASSIGN_MANUALLY)
                .singleResult();
    }

    /** A manager claims the task and submits the form in Tasklist, signed in as themselves. */
    private void complete(Task manual, String consultant, boolean override, String reason) {
        as(
                "mara",
                Groups.MANAGERS,
                () -> {
                    Task current = tasks.createTaskQuery().taskId(manual.getId()).singleResult();
                    if (current != null && current.getAssignee() == null) {
                        tasks.claim(manual.getId(), "mara");
                    }
                    Map<String, Object> form = new HashMap<>();
                    form.put(Variables.CHOSEN_CONSULTANT, consultant);
                    form.put(Variables.OVER_CAPACITY, override);
                    form.put(Variables.ASSIGNMENT_REASON, reason);
                    forms.submitTaskForm(manual.getId(), form);
                    return null;
                });
    }

    private Task task(long id) {
        return tasks.createTaskQuery()
                .processInstanceId(check(id).processInstanceId())
                .taskDefinitionKey(HealthCheckProcess.START_CONSULTATION)
                .singleResult();
    }

    private ResultActions assign(String who, long id, String body) throws Exception {
        return mvc.perform(
                post("/api/health-checks/" + id + "/assign")
                        .with(httpBasic(who, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
    }

    private Map<String, Object> audit(long id) {
        return lowerCase(jdbc.queryForMap(AUDIT + " AND result = 'success'", id));
    }

    private List<Map<String, Object>> reassignments(long id) {
        return jdbc.queryForList(AUDIT + " AND result = 'reassigned'", id).stream()
                .map(ManualAssignmentTests::lowerCase)
                .toList();
    }

    private int successes(long id) {
        return jdbc.queryForList(AUDIT + " AND result = 'success'", id).size();
    }

    /** Column names differ in case between H2 and PostgreSQL. */
    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        var lower = new HashMap<String, Object>();
        row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
        return lower;
    }
}
