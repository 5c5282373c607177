package clinic.healthcheck.people;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.Priority.NORMAL;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.support.ServiceTestBase;
import clinic.healthcheck.support.WebClient;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every right each group is given, proved by what its members can and cannot do: in the webapps,
 * through the engine's REST API, and through the engine's Java API as the webapps call it for a
 * signed-in user. The service's own engine calls, made without a user, see everything.
 */
class AccessRightsIT extends ServiceTestBase {

    @LocalServerPort int port;
    @Autowired FilterService filters;
    @Autowired HistoryService history;
    @Autowired ApplicationContext context;

    private WebClient web;
    private HealthCheck carlas;
    private HealthCheck danas;

    @BeforeEach
    void clinic() {
        login("pat", Groups.PATIENTS);
        login("paula", Groups.PATIENTS);
        login("mara", Groups.MANAGERS);
        login("ana", Groups.ANALYSTS);
        login("root", Groups.ADMINS);
        consultant("carla", "Medical Staff", "", 1, "4.8", AVAILABLE);
        consultant("dana", "Medical Staff", "", 1, "4.0", AVAILABLE);
        consultant("nico", "Nutrition", "", 1, "4.5", AVAILABLE);
        carlas = request("pat", MEDICAL, NORMAL);
        danas = request("paula", MEDICAL, NORMAL);
        assertThat(carlas.consultantUsername()).isEqualTo("carla");
        assertThat(danas.consultantUsername()).isEqualTo("dana");
        web = new WebClient(port);
    }

    @Test
    void patientsSignInToTheirOwnProfileAndNoApplication() {
        assertThat(web.signIn("tasklist", "pat").statusCode()).isEqualTo(403);
        assertThat(web.signIn("cockpit", "pat").statusCode()).isEqualTo(403);
        assertThat(web.signIn("admin", "pat").statusCode()).isEqualTo(403);
        assertThat(web.signIn("welcome", "pat").statusCode()).isEqualTo(200);

        as(
                "pat",
                Groups.PATIENTS,
                () -> {
                    User own = identity.createUserQuery().userId("pat").singleResult();
                    own.setFirstName("Patricia");
                    identity.saveUser(own);
                    assertThat(identity.createUserQuery().list())
                            .extracting(User::getId)
                            .containsOnly("pat");
                    assertThatThrownBy(() -> identity.deleteUser("paula"))
                            .isInstanceOf(AuthorizationException.class);
                    assertThat(repository.createProcessDefinitionQuery().count()).isZero();
                    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
                    assertThat(tasks.createTaskQuery().count()).isZero();
                    assertThat(filters.createFilterQuery().count()).isZero();
                    return null;
                });
        assertThat(identity.createUserQuery().userId("pat").singleResult().getFirstName())
                .isEqualTo("Patricia");
    }

    @Test
    void consultantsWorkInTasklistAndSeeOnlyTheTasksAssignedToThem() {
        assertThat(web.signIn("cockpit", "carla").statusCode()).isEqualTo(403);
        assertThat(web.signIn("tasklist", "carla").statusCode()).isEqualTo(200);

        var list = web.webapp("GET", "/task", null);
        assertThat(list.statusCode()).isEqualTo(200);
        String carlasTask = task(carlas).getId();
        String danasTask = task(danas).getId();
        assertThat(list.body()).contains(carlasTask).doesNotContain(danasTask);
        assertThat(web.webapp("GET", "/task/" + danasTask, null).statusCode()).isEqualTo(404);
        assertThat(web.webapp("POST", "/task/" + danasTask + "/submit-form", "{}").statusCode())
                .isIn(403, 404);
        assertThat(task(danas)).isNotNull();

        var form = web.webapp("GET", "/task/" + carlasTask + "/form-variables", null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("\"description\"").contains("\"checkId\"");
        var model =
                web.webapp(
                        "GET",
                        "/process-definition/" + task(carlas).getProcessDefinitionId(),
                        null);
        assertThat(model.statusCode()).isEqualTo(200);
    }

    @Test
    void consultantsReadTheHealthCheckModelAndTheirFilterButNoInstances() {
        for (String[] consultant :
                new String[][] {{"carla", Groups.MEDICAL_STAFF}, {"nico", Groups.NUTRITIONISTS}}) {
            as(
                    consultant[0],
                    consultant[1],
                    () -> {
                        assertThat(repository.createProcessDefinitionQuery().list())
                                .extracting(d -> d.getKey())
                                .containsOnly(HealthCheckProcess.KEY);
                        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
                        assertThat(history.createHistoricProcessInstanceQuery().count()).isZero();
                        assertThat(filterNames()).containsExactly(TasklistFilters.MY_TASKS);
                        assertThat(repository.createDecisionDefinitionQuery().count()).isZero();
                        return null;
                    });
        }
        as(
                "pat",
                Groups.PATIENTS,
                () -> {
                    assertThat(repository.createProcessDefinitionQuery().count()).isZero();
                    assertThat(filterNames()).isEmpty();
                    return null;
                });
    }

    @Test
    void managersWatchEveryCheckInCockpitWithItsVariablesIncidentsAndRetries() {
        assertThat(web.signIn("cockpit", "mara").statusCode()).isEqualTo(200);
        assertThat(web.signIn("tasklist", "mara").statusCode()).isEqualTo(200);
        assertThat(web.signIn("admin", "mara").statusCode()).isEqualTo(403);
        String notifyJob =
                management
                        .createJobQuery()
                        .processInstanceId(carlas.processInstanceId())
                        .singleResult()
                        .getId();
        runtime.createIncident(
                "failedJob", task(carlas).getExecutionId(), "notify", "mail server down");

        as(
                "mara",
                Groups.MANAGERS,
                () -> {
                    assertThat(
                                    runtime.createProcessInstanceQuery()
                                            .processDefinitionKey(HealthCheckProcess.KEY)
                                            .count())
                            .isEqualTo(2);
                    assertThat(runtime.getVariables(carlas.processInstanceId()))
                            .containsEntry(HealthCheckProcess.Variables.CHECK_ID, carlas.id())
                            .containsEntry(HealthCheckProcess.Variables.CONSULTANT, "carla");
                    assertThat(
                                    history.createHistoricProcessInstanceQuery()
                                            .processInstanceIds(ours())
                                            .count())
                            .isEqualTo(2);
                    assertThat(runtime.createIncidentQuery().count()).isEqualTo(1);
                    assertThat(tasks.createTaskQuery().count()).isEqualTo(2);
                    management.setJobRetries(notifyJob, 3);
                    assertThat(
                                    repository
                                            .createProcessDefinitionQuery()
                                            .processDefinitionKey(AccessRights.SWEEP)
                                            .count())
                            .isEqualTo(1);
                    assertThat(filterNames())
                            .containsExactlyInAnyOrder(
                                    TasklistFilters.MY_TASKS, TasklistFilters.ASSIGN_MANUALLY);
                    String carlasTask = task(carlas).getId();
                    assertThatThrownBy(() -> tasks.setAssignee(carlasTask, "mara"))
                            .isInstanceOf(AuthorizationException.class);
                    assertThatThrownBy(() -> tasks.complete(carlasTask))
                            .isInstanceOf(AuthorizationException.class);
                    assertThat(repository.createDecisionDefinitionQuery().count()).isZero();
                    return null;
                });

        for (String[] other :
                new String[][] {
                    {"carla", Groups.MEDICAL_STAFF},
                    {"ana", Groups.ANALYSTS},
                    {"pat", Groups.PATIENTS}
                }) {
            as(
                    other[0],
                    other[1],
                    () -> {
                        assertThat(runtime.createIncidentQuery().count()).isZero();
                        assertThatThrownBy(() -> management.setJobRetries(notifyJob, 3))
                                .isInstanceOf(AuthorizationException.class);
                        return null;
                    });
        }
    }

    @Test
    void managersAloneTakeTheAssignManuallyTasks() {
        escalated("pat", CheckType.NUTRITION);

        as(
                "mara",
                Groups.MANAGERS,
                () -> {
                    Task manual =
                            tasks.createTaskQuery()
                                    .taskDefinitionKey(HealthCheckProcess.ASSIGN_MANUALLY)
                                    .singleResult();
                    assertThat(manual).isNotNull();
                    tasks.claim(manual.getId(), "mara");
                    return null;
                });
        as(
                "carla",
                Groups.MEDICAL_STAFF,
                () -> {
                    assertThat(
                                    tasks.createTaskQuery()
                                            .taskDefinitionKey(HealthCheckProcess.ASSIGN_MANUALLY)
                                            .count())
                            .isZero();
                    return null;
                });
    }

    @Test
    void analystsReadDecisionsAndTheirHistoryInCockpitAndNothingElse() {
        assertThat(web.signIn("cockpit", "ana").statusCode()).isEqualTo(200);
        assertThat(web.signIn("tasklist", "ana").statusCode()).isEqualTo(403);

        as(
                "ana",
                Groups.ANALYSTS,
                () -> {
                    assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                            .extracting(d -> d.getKey())
                            .contains("consultant-eligibility", "service-level");
                    assertThat(
                                    history.createHistoricDecisionInstanceQuery()
                                            .processInstanceId(carlas.processInstanceId())
                                            .count())
                            .isEqualTo(1);
                    assertThat(repository.createProcessDefinitionQuery().count()).isZero();
                    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
                    assertThat(history.createHistoricProcessInstanceQuery().count()).isZero();
                    assertThat(tasks.createTaskQuery().count()).isZero();
                    assertThat(filterNames()).isEmpty();
                    return null;
                });
        as(
                "carla",
                Groups.MEDICAL_STAFF,
                () -> {
                    assertThat(history.createHistoricDecisionInstanceQuery().count()).isZero();
                    return null;
                });
    }

    @Test
    void adminsMayDoAnything() {
        for (String application : List.of("cockpit", "tasklist", "admin")) {
            assertThat(web.signIn(application, "root").statusCode()).isEqualTo(200);
        }
        String notifyJob =
                management
                        .createJobQuery()
                        .processInstanceId(danas.processInstanceId())
                        .singleResult()
                        .getId();

        as(
                "root",
                Groups.ADMINS,
                () -> {
                    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(2);
                    assertThat(tasks.createTaskQuery().count()).isEqualTo(2);
                    assertThat(repository.createDecisionDefinitionQuery().latestVersion().count())
                            .isEqualTo(2);
                    management.setJobRetries(notifyJob, 3);
                    tasks.setAssignee(task(danas).getId(), "dana");
                    return null;
                });
    }

    @Test
    void theEngineRestApiNeedsALoginAndShowsEachRoleOnlyItsShare() {
        assertThat(web.engineRest("GET", "/process-instance", null, null).statusCode())
                .isEqualTo(401);
        // a wrong password delays that user's next login, so it gets a login of its own
        login("forgetful", Groups.MANAGERS);
        assertThat(web.engineRest("GET", "/process-instance", "forgetful:wrong", null).statusCode())
                .isEqualTo(401);
        assertThat(web.engineRest("GET", "/process-instance", "pat", null).statusCode())
                .isEqualTo(403);
        assertThat(web.engineRest("GET", "/process-instance", "carla", null).statusCode())
                .isEqualTo(403);

        var managers = web.engineRest("GET", "/process-instance", "mara", null);
        assertThat(managers.statusCode()).isEqualTo(200);
        assertThat(managers.body()).contains(carlas.processInstanceId(), danas.processInstanceId());
        var analysts = web.engineRest("GET", "/process-instance", "ana", null);
        assertThat(analysts.statusCode()).isEqualTo(200);
        assertThat(analysts.body()).isEqualTo("[]");
    }

    @Test
    void theServiceItselfCallsTheEngineWithoutAUserAndSeesEverything() {
        assertThat(identity.getCurrentAuthentication()).isNull();
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(2);
        assertThat(tasks.createTaskQuery().count()).isEqualTo(2);
        assertThat(context.containsBean("demoData"))
                .as("demo data outside the demo profile")
                .isFalse();
    }

    private Set<String> ours() {
        return Set.of(carlas.processInstanceId(), danas.processInstanceId());
    }

    private Task task(HealthCheck check) {
        return tasks.createTaskQuery().processInstanceId(check.processInstanceId()).singleResult();
    }

    private List<String> filterNames() {
        return filters.createFilterQuery().list().stream().map(Filter::getName).toList();
    }
}
