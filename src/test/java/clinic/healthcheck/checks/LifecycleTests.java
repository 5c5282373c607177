package clinic.healthcheck.checks;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.Priority.NORMAL;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import clinic.healthcheck.people.Role;
import clinic.healthcheck.support.Race;
import clinic.healthcheck.support.ServiceTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The lifecycle through the REST API: who may do what, bad input, and racing commands. */
abstract class LifecycleTests extends ServiceTestBase {

    @Autowired MockMvc mvc;

    @BeforeEach
    void people() {
        login("pat", "patients");
        login("paula", "patients");
        login("mara", "managers");
        consultant("carla", "Medical Staff", "", 2, "4.5", AVAILABLE);
    }

    @Test
    void aPatientRequestsACheckAndItIsAssignedAtOnce() throws Exception {
        mvc.perform(
                        post("/api/health-checks")
                                .with(httpBasic("pat", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                        {"checkType": "Medical", "priority": "URGENT",
                                         "description": "dizzy"}
                                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.patient").value("pat"))
                .andExpect(jsonPath("$.checkType").value("medical"))
                .andExpect(jsonPath("$.status").value("assigned"))
                .andExpect(jsonPath("$.consultant").value("carla"));
    }

    @Test
    void anUnknownCheckTypeIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        mvc.perform(
                        post("/api/health-checks")
                                .with(httpBasic("pat", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"checkType\": \"dental\", \"priority\": \"normal\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("checkType"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM health_check", Integer.class))
                .isZero();
        assertThat(
                        runtime.createProcessInstanceQuery()
                                .processDefinitionKey(HealthCheckProcess.KEY)
                                .count())
                .isZero();
    }

    @Test
    void missingAndOversizeFieldsAreRefusedNamingTheField() throws Exception {
        mvc.perform(
                        post("/api/health-checks")
                                .with(httpBasic("pat", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"checkType\": \"medical\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("priority"));

        String longText = "x".repeat(2001);
        mvc.perform(
                        post("/api/health-checks")
                                .with(httpBasic("pat", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"checkType\": \"medical\", \"priority\": \"low\","
                                                + " \"description\": \""
                                                + longText
                                                + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("description"));

        mvc.perform(
                        post("/api/health-checks")
                                .with(httpBasic("pat", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"checkType\": \"medical\", \"priority\": \"low\", \"colour\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("colour"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "description | {\"checkType\": \"medical\", \"priority\": \"low\", \"description\": 123}",
                "mailOptOut  | {\"checkType\": \"medical\", \"priority\": \"low\", \"mailOptOut\": 1}",
                "priority    | {\"checkType\": \"medical\", \"priority\": true}"
            })
    void aValueOfTheWrongJsonTypeIsRefusedNamingTheField(String field, String body)
            throws Exception {
        mvc.perform(
                        post("/api/health-checks")
                                .with(httpBasic("pat", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM health_check", Integer.class))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5", "\"3\""})
    void aMaximumThatIsNotAWholeJsonNumberIsRefused(String max) throws Exception {
        mvc.perform(
                        patch("/api/availability")
                                .with(httpBasic("carla", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"maxConcurrentChecks\": " + max + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("maxConcurrentChecks"));

        assertThat(consultantRows.findByUsername("carla").orElseThrow().maxConcurrentChecks())
                .isEqualTo(2);
    }

    @Test
    void completingAPendingCheckIsAConflictNamingTheState() throws Exception {
        long id = backlog("pat", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        mvc.perform(
                        post("/api/health-checks/" + id + "/complete")
                                .with(httpBasic("mara", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"notes\": \"n\", \"recommendations\": \"r\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.state").value("pending"));

        assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);
    }

    @Test
    void theConsultantStartsAndCompletesTheirCheckThroughTheApi() throws Exception {
        long id = request("pat", MEDICAL, NORMAL).id();

        mvc.perform(post("/api/health-checks/" + id + "/start").with(httpBasic("carla", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("in_progress"));
        mvc.perform(
                        post("/api/health-checks/" + id + "/complete")
                                .with(httpBasic("carla", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"notes\": \"fine\", \"recommendations\": \"walk\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("completed"))
                .andExpect(jsonPath("$.recommendations").value("walk"));

        mvc.perform(get("/api/health-checks/assigned").with(httpBasic("carla", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id));
        assertInvariants();
    }

    @Test
    void aPatientAskingForAnotherPatientsCheckGets404() throws Exception {
        long id = request("paula", MEDICAL, NORMAL).id();

        mvc.perform(get("/api/health-checks/" + id).with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/health-checks/" + id).with(httpBasic("paula", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/health-checks").with(httpBasic("pat", PASSWORD)))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void theApiNeedsALoginAndTheRightRole() throws Exception {
        mvc.perform(get("/api/health-checks")).andExpect(status().isUnauthorized());
        // a wrong password delays that user's next login, so it gets a login of its own
        login("forgetful", "patients");
        mvc.perform(get("/api/health-checks").with(httpBasic("forgetful", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/health-checks/all").with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/health-checks/all").with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/engine-rest/process-instance")).andExpect(status().isUnauthorized());
        mvc.perform(put("/engine-rest/group/managers/members/pat").with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(identity.createUserQuery().memberOfGroup("managers").userId("pat").count())
                .isZero();
    }

    @Test
    void everyRefusalOfTheApiIsAProblemBody() throws Exception {
        mvc.perform(get("/api/health-checks"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/health-checks/all").with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/no-such-thing").with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete("/api/health-checks").with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void listsArePagedAndABadPageIsRefused() throws Exception {
        for (int i = 0; i < 3; i++) {
            backlog("pat", MEDICAL, NORMAL, "2026-01-05T08:00:0" + i + "Z");
        }

        mvc.perform(get("/api/health-checks?size=2").with(httpBasic("pat", PASSWORD)))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.totalItems").value(3));
        mvc.perform(get("/api/health-checks?size=500").with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("size"));
    }

    @Test
    void theAuditCanBeFilteredByResultAndCheck() throws Exception {
        long id = request("pat", MEDICAL, NORMAL).id();

        mvc.perform(
                        get("/api/assignment-logs?result=success&checkId=" + id)
                                .with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].consultantUsername").value("carla"));
        mvc.perform(get("/api/assignment-logs?result=maybe").with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("result"));
    }

    @Test
    void aConsultantChangesTheirAvailabilityAndBadValuesAreRefused() throws Exception {
        mvc.perform(
                        patch("/api/availability")
                                .with(httpBasic("carla", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"status\": \"on holiday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
        mvc.perform(
                        patch("/api/availability")
                                .with(httpBasic("carla", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"status\": \"break\", \"maxConcurrentChecks\": 4}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("break"))
                .andExpect(jsonPath("$.maxConcurrentChecks").value(4));
    }

    @Test
    void completingTwiceAtOnceHasExactlyOneEffect() throws Exception {
        long id = request("pat", MEDICAL, NORMAL).id();
        var carla = caller("carla", Role.CONSULTANT);
        healthChecks.start(id, null, carla);

        List<Object> outcomes =
                Race.atOnce(
                        () -> healthChecks.complete(id, "notes", "advice", false, carla),
                        () -> healthChecks.complete(id, "notes", "advice", false, carla));

        assertThat(outcomes).filteredOn(HealthCheck.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(RuntimeException.class::isInstance)
                .singleElement()
                .isInstanceOf(LifecycleConflictException.class);
        assertThat(consultant("carla").totalCompletedChecks()).isEqualTo(1);
        assertThat(consultant("carla").currentAssignments()).isZero();
        assertInvariants();
    }

    @Test
    void cancellingTwiceAtOnceHasExactlyOneEffect() throws Exception {
        long id = request("pat", MEDICAL, NORMAL).id();
        var pat = caller("pat", Role.PATIENT);

        List<Object> outcomes =
                Race.atOnce(
                        () -> healthChecks.cancel(id, "changed my mind", pat),
                        () -> healthChecks.cancel(id, "changed my mind", pat));

        assertThat(outcomes).filteredOn(HealthCheck.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(RuntimeException.class::isInstance)
                .allSatisfy(e -> assertThat(e).isInstanceOf(LifecycleConflictException.class));
        assertThat(check(id).status()).isEqualTo(CheckStatus.CANCELLED);
        assertThat(consultant("carla").currentAssignments()).isZero();
        assertInvariants();
    }

    @Test
    void cancellingWhileTheAssignmentCommitsLeavesEveryCheckCancelledAndNoSlotHeld()
            throws Exception {
        consultant("carla", "Medical Staff", "", 50, "4.5", AVAILABLE);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(backlog("pat", MEDICAL, NORMAL, "2026-01-05T08:00:00Z"));
        }
        var pat = caller("pat", Role.PATIENT);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        var barrier = new CyclicBarrier(2);
        Future<?> sweeping =
                pool.submit(
                        () -> {
                            barrier.await();
                            return sweep();
                        });
        Future<?> cancelling =
                pool.submit(
                        () -> {
                            barrier.await();
                            ids.forEach(id -> healthChecks.cancel(id, "not needed", pat));
                            return null;
                        });
        sweeping.get();
        cancelling.get();
        pool.shutdown();
        runJobs();

        assertThat(ids)
                .allSatisfy(id -> assertThat(check(id).status()).isEqualTo(CheckStatus.CANCELLED));
        assertThat(consultant("carla").currentAssignments()).isZero();
        assertInvariants();
    }

    @Test
    void theLoserOfARaceGetsAConflictNotAServerError() throws Exception {
        long id = request("pat", MEDICAL, NORMAL).id();
        healthChecks.cancel(id, "first", caller("pat", Role.PATIENT));

        mvc.perform(post("/api/health-checks/" + id + "/cancel").with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.state").value("cancelled"));
    }
}
