package clinic.healthcheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.support.AnalyticsScenario;
import clinic.healthcheck.support.ServiceTestBase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every figure of {@code GET /api/analytics} against the small scenario of {@link
 * AnalyticsScenario}, computed by hand there; an empty period; a consultant with a maximum of 0;
 * who may read the figures; and bad periods.
 */
abstract class AnalyticsTests extends ServiceTestBase {

    @Autowired MockMvc mvc;
    @Autowired Analytics analytics;

    @BeforeEach
    void scenario() {
        login("mara", "managers");
        login("pat", "patients");
        login("root", "camunda-admin");
        new AnalyticsScenario(this).build();
    }

    private ResultActions figures(String query) throws Exception {
        return mvc.perform(get("/api/analytics" + query).with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void pendingNowCountsWaitingChecksByPriorityWithThosePastTheirDueTime() throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(jsonPath("$.pending.total").value(2))
                .andExpect(jsonPath("$.pending.overdue").value(1))
                .andExpect(
                        jsonPath("$.pending.byPriority[*].priority")
                                .value(contains("urgent", "high", "normal", "low")))
                .andExpect(jsonPath("$.pending.byPriority[*].checks").value(contains(0, 0, 1, 1)))
                .andExpect(jsonPath("$.pending.byPriority[*].overdue").value(contains(0, 0, 1, 0)))
                .andExpect(
                        jsonPath("$.pending.byPriority[2].oldestRequestedAt")
                                .value("2026-01-06T12:00:00Z"))
                .andExpect(jsonPath("$.pending.byPriority[0].oldestRequestedAt").value(nullValue()))
                .andExpect(jsonPath("$.pending.byReason.all_unavailable").value(1))
                .andExpect(jsonPath("$.pending.byReason.no_specialization").value(1));
    }

    @Test
    void theRequestMixCountsChecksRequestedInThePeriodByPriorityAndType() throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(jsonPath("$.from").value("2026-01-05T00:00:00Z"))
                .andExpect(jsonPath("$.to").value("2026-01-08T00:00:00Z"))
                .andExpect(jsonPath("$.requests.total").value(5))
                .andExpect(jsonPath("$.requests.byPriority.urgent").value(2))
                .andExpect(jsonPath("$.requests.byPriority.high").value(1))
                .andExpect(jsonPath("$.requests.byPriority.normal").value(1))
                .andExpect(jsonPath("$.requests.byPriority.low").value(1))
                .andExpect(jsonPath("$.requests.byCheckType.medical").value(3))
                .andExpect(jsonPath("$.requests.byCheckType.nutrition").value(1))
                .andExpect(jsonPath("$.requests.byCheckType.wellness").value(1))
                .andExpect(jsonPath("$.requests.byCheckType.initial").value(0))
                .andExpect(jsonPath("$.requests.byCheckType.follow_up").value(0));
    }

    @Test
    void assignmentsInThePeriodSplitIntoAutomaticAndManualPerDay() throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(jsonPath("$.assignments.total").value(4))
                .andExpect(jsonPath("$.assignments.automatic").value(3))
                .andExpect(jsonPath("$.assignments.manual").value(1))
                .andExpect(jsonPath("$.assignments.automaticShare").value(0.75))
                .andExpect(jsonPath("$.assignments.bucket").value("day"))
                .andExpect(
                        jsonPath("$.assignments.overTime[*].start")
                                .value(
                                        contains(
                                                "2026-01-05T00:00:00Z",
                                                "2026-01-06T00:00:00Z",
                                                "2026-01-07T00:00:00Z")))
                .andExpect(jsonPath("$.assignments.overTime[*].automatic").value(contains(3, 0, 0)))
                .andExpect(jsonPath("$.assignments.overTime[*].manual").value(contains(0, 1, 0)));
    }

    @Test
    void timeToAssignGivesPercentilesPerPriorityAgainstTheRecordedDueTimes() throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(jsonPath("$.timeToAssign[0].priority").value("urgent"))
                .andExpect(jsonPath("$.timeToAssign[0].requested").value(2))
                .andExpect(jsonPath("$.timeToAssign[0].assigned.count").value(2))
                .andExpect(jsonPath("$.timeToAssign[0].assigned.p50Seconds").value(300))
                .andExpect(jsonPath("$.timeToAssign[0].assigned.p90Seconds").value(1800))
                .andExpect(jsonPath("$.timeToAssign[0].assigned.maxSeconds").value(1800))
                .andExpect(jsonPath("$.timeToAssign[0].dueWithinMinSeconds").value(900))
                .andExpect(jsonPath("$.timeToAssign[0].dueWithinMaxSeconds").value(900))
                .andExpect(jsonPath("$.timeToAssign[1].priority").value("high"))
                .andExpect(jsonPath("$.timeToAssign[1].assigned.p50Seconds").value(3600))
                .andExpect(jsonPath("$.timeToAssign[1].dueWithinMaxSeconds").value(7200))
                .andExpect(jsonPath("$.timeToAssign[2].priority").value("normal"))
                .andExpect(jsonPath("$.timeToAssign[2].assigned.count").value(0))
                .andExpect(jsonPath("$.timeToAssign[2].assigned.p50Seconds").value(nullValue()))
                .andExpect(jsonPath("$.timeToAssign[2].assigned.maxSeconds").value(nullValue()))
                .andExpect(jsonPath("$.timeToAssign[3].dueWithinMinSeconds").value(432000));
    }

    @Test
    void aBreachIsALateAssignmentOrAWaitPastTheDueTimeButNotAnEarlyCancellation() throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(jsonPath("$.timeToAssign[*].breached").value(contains(1, 0, 1, 0)))
                .andExpect(jsonPath("$.timeToAssign[*].withDueTime").value(contains(2, 1, 1, 1)))
                .andExpect(
                        jsonPath("$.timeToAssign[*].breachShare")
                                .value(contains(0.5, 0.0, 1.0, 0.0)))
                .andExpect(jsonPath("$.timeToAssign[*].waitingPastDue").value(contains(0, 0, 1, 0)))
                .andExpect(jsonPath("$.breaches.withDueTime").value(5))
                .andExpect(jsonPath("$.breaches.breached").value(2))
                .andExpect(jsonPath("$.breaches.share").value(0.4))
                .andExpect(jsonPath("$.breaches.waitingPastDue").value(1));
    }

    @Test
    void timeToCompleteRunsFromAssignmentToCompletionOfChecksCompletedInThePeriod()
            throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(jsonPath("$.timeToComplete.all.count").value(2))
                .andExpect(jsonPath("$.timeToComplete.all.p50Seconds").value(3600))
                .andExpect(jsonPath("$.timeToComplete.all.p90Seconds").value(7200))
                .andExpect(jsonPath("$.timeToComplete.all.maxSeconds").value(7200))
                .andExpect(jsonPath("$.timeToComplete.byPriority.urgent.maxSeconds").value(3600))
                .andExpect(jsonPath("$.timeToComplete.byPriority.normal.p50Seconds").value(7200))
                .andExpect(jsonPath("$.timeToComplete.byPriority.high.count").value(0))
                .andExpect(
                        jsonPath("$.timeToComplete.byPriority.high.p50Seconds").value(nullValue()));
    }

    @Test
    void utilizationPerConsultantIsTimeWeightedOverThePeriodAndNullForAMaximumOfZero()
            throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(
                        jsonPath("$.utilization.byConsultant[*].username")
                                .value(contains("carla", "dana", "ines", "nico")))
                // carla held 1 h + 2 h + 62.5 h of the period's 72 h, with 2 slots
                .andExpect(jsonPath("$.utilization.byConsultant[0].current").value(1))
                .andExpect(jsonPath("$.utilization.byConsultant[0].currentUtilization").value(0.5))
                .andExpect(jsonPath("$.utilization.byConsultant[0].averageLoad").value(0.91))
                .andExpect(
                        jsonPath("$.utilization.byConsultant[0].averageUtilization").value(0.4549))
                .andExpect(jsonPath("$.utilization.byConsultant[0].assigned").value(3))
                .andExpect(jsonPath("$.utilization.byConsultant[0].completed").value(2))
                .andExpect(jsonPath("$.utilization.byConsultant[0].freeSlots").value(1))
                .andExpect(jsonPath("$.utilization.byConsultant[0].rating").value(4.5))
                .andExpect(jsonPath("$.utilization.byConsultant[0].role").value("medical-staff"))
                // dana held one check for an hour of 72, with 3 slots, and is offline now
                .andExpect(jsonPath("$.utilization.byConsultant[1].averageLoad").value(0.01))
                .andExpect(
                        jsonPath("$.utilization.byConsultant[1].averageUtilization").value(0.0046))
                .andExpect(jsonPath("$.utilization.byConsultant[1].freeSlots").value(0))
                .andExpect(jsonPath("$.utilization.byConsultant[2].name").value("Ines Imported"))
                .andExpect(jsonPath("$.utilization.byConsultant[2].role").value("no login"))
                .andExpect(jsonPath("$.utilization.byConsultant[2].averageUtilization").value(0.0))
                // nico may take no check at all: nothing to divide by
                .andExpect(jsonPath("$.utilization.byConsultant[3].max").value(0))
                .andExpect(
                        jsonPath("$.utilization.byConsultant[3].currentUtilization")
                                .value(nullValue()))
                .andExpect(
                        jsonPath("$.utilization.byConsultant[3].averageUtilization")
                                .value(nullValue()))
                .andExpect(jsonPath("$.utilization.byConsultant[3].averageLoad").value(0.0));
    }

    @Test
    void utilizationBySpecializationAndRoleSumsSecondsAndSlotsOfTheirConsultants()
            throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(
                        jsonPath("$.utilization.bySpecialization[*].name")
                                .value(contains("Medical Staff", "Nutrition")))
                .andExpect(jsonPath("$.utilization.bySpecialization[0].consultants").value(2))
                .andExpect(jsonPath("$.utilization.bySpecialization[0].current").value(1))
                .andExpect(jsonPath("$.utilization.bySpecialization[0].max").value(5))
                .andExpect(jsonPath("$.utilization.bySpecialization[0].freeSlots").value(1))
                .andExpect(
                        jsonPath("$.utilization.bySpecialization[0].currentUtilization").value(0.2))
                .andExpect(jsonPath("$.utilization.bySpecialization[0].averageLoad").value(0.92))
                .andExpect(
                        jsonPath("$.utilization.bySpecialization[0].averageUtilization")
                                .value(0.1847))
                .andExpect(jsonPath("$.utilization.bySpecialization[1].max").value(1))
                .andExpect(
                        jsonPath("$.utilization.bySpecialization[1].averageUtilization").value(0.0))
                .andExpect(
                        jsonPath("$.utilization.byRole[*].name")
                                .value(contains("medical-staff", "no login", "nutritionists")))
                .andExpect(jsonPath("$.utilization.byRole[0].averageUtilization").value(0.1847))
                .andExpect(jsonPath("$.utilization.byRole[1].max").value(1))
                .andExpect(jsonPath("$.utilization.byRole[2].max").value(0))
                .andExpect(
                        jsonPath("$.utilization.byRole[2].currentUtilization").value(nullValue()))
                .andExpect(
                        jsonPath("$.utilization.byRole[2].averageUtilization").value(nullValue()));
    }

    @Test
    void waitsAreGroupedByReasonWithTheCheckTypesThatLackedAConsultant() throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(jsonPath("$.waits", hasSize(2)))
                .andExpect(jsonPath("$.waits[0].reason").value("all_full"))
                .andExpect(jsonPath("$.waits[0].attempts").value(2))
                .andExpect(jsonPath("$.waits[0].checks").value(2))
                .andExpect(jsonPath("$.waits[0].checksByCheckType.nutrition").value(1))
                .andExpect(jsonPath("$.waits[0].checksByCheckType.medical").value(1))
                .andExpect(
                        jsonPath("$.waits[0].explanation")
                                .value(
                                        "every fitting available consultant is at their maximum of"
                                                + " concurrent checks"))
                .andExpect(jsonPath("$.waits[1].reason").value("all_unavailable"))
                .andExpect(jsonPath("$.waits[1].checks").value(1));
    }

    @Test
    void attemptsAreCountedByResultAndFailuresByWhatFailed() throws Exception {
        figures(AnalyticsScenario.PERIOD)
                .andExpect(
                        jsonPath("$.attempts[*].result")
                                .value(contains("success", "no_available", "error")))
                .andExpect(jsonPath("$.attempts[*].attempts").value(contains(3, 3, 1)))
                .andExpect(jsonPath("$.attempts[*].checks").value(contains(3, 2, 1)))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(
                        jsonPath("$.errors[0].message")
                                .value("technical failure: OptimisticLockingException"))
                .andExpect(jsonPath("$.errors[0].last").value("2026-01-07T09:30:00Z"));
    }

    @Test
    void anEmptyPeriodHasZeroCountsAndNoSharesOrPercentiles() throws Exception {
        figures("?from=2025-06-01&to=2025-06-02")
                .andExpect(jsonPath("$.requests.total").value(0))
                .andExpect(jsonPath("$.assignments.total").value(0))
                .andExpect(jsonPath("$.assignments.automaticShare").value(nullValue()))
                .andExpect(jsonPath("$.assignments.bucket").value("hour"))
                .andExpect(jsonPath("$.assignments.overTime", hasSize(48)))
                .andExpect(jsonPath("$.timeToAssign[*].requested").value(contains(0, 0, 0, 0)))
                .andExpect(jsonPath("$.timeToAssign[0].assigned.p50Seconds").value(nullValue()))
                .andExpect(jsonPath("$.timeToAssign[0].dueWithinMinSeconds").value(nullValue()))
                .andExpect(jsonPath("$.timeToAssign[0].breachShare").value(nullValue()))
                .andExpect(jsonPath("$.breaches.share").value(nullValue()))
                .andExpect(jsonPath("$.timeToComplete.all.count").value(0))
                .andExpect(jsonPath("$.timeToComplete.all.maxSeconds").value(nullValue()))
                .andExpect(jsonPath("$.utilization.byConsultant[0].averageLoad").value(0.0))
                .andExpect(jsonPath("$.utilization.byConsultant[0].averageUtilization").value(0.0))
                .andExpect(
                        jsonPath("$.utilization.byConsultant[3].averageUtilization")
                                .value(nullValue()))
                .andExpect(jsonPath("$.waits", hasSize(0)))
                .andExpect(jsonPath("$.attempts[*].attempts").value(contains(0, 0, 0)))
                .andExpect(jsonPath("$.errors", hasSize(0)))
                // what waits now does not depend on the period
                .andExpect(jsonPath("$.pending.total").value(2));
    }

    @Test
    void aPeriodThatHasNotBegunHasNoAverageUtilization() {
        Instant now = Instant.parse("2026-01-06T00:00:00Z");
        Period later =
                new Period(
                        Instant.parse("2026-01-07T00:00:00Z"),
                        Instant.parse("2026-01-08T00:00:00Z"));

        Figures figures = analytics.figures(later, now);

        assertThat(figures.utilization().byConsultant())
                .allSatisfy(
                        load -> {
                            assertThat(load.averageLoad()).isZero();
                            assertThat(load.averageUtilization()).isNull();
                        });
    }

    @Test
    void aPeriodStillRunningCountsOpenChecksUpToNow() {
        Instant now = Instant.parse("2026-01-05T10:30:00Z");

        Figures figures = analytics.figures(Period.parse("2026-01-05", "2026-01-05", now), now);

        // carla by 10:30: check 6 for 2 h, check 1 for 1 h, check 2 for 1 h of 10.5 h, 2 slots
        var carla = figures.utilization().byConsultant().get(0);
        assertThat(carla.username()).isEqualTo("carla");
        assertThat(carla.averageLoad()).isEqualTo(0.38);
        assertThat(carla.averageUtilization()).isEqualTo(0.1905);
        assertThat(figures.assignments().bucket()).isEqualTo("hour");
        assertThat(figures.assignments().overTime()).hasSize(24);
        assertThat(figures.assignments().overTime().get(2).automatic()).isEqualTo(1);
        assertThat(figures.assignments().overTime().get(8).automatic()).isEqualTo(1);
        assertThat(figures.assignments().overTime().get(9).automatic()).isEqualTo(1);
    }

    @Test
    void onlyManagersAndAdminsReadTheFigures() throws Exception {
        mvc.perform(get("/api/analytics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/analytics").with(httpBasic("pat", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/analytics").with(httpBasic("carla", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/analytics").with(httpBasic("root", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/analytics").with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeToAssign", hasSize(Priority.values().length)));
    }

    @Test
    void aMalformedOrReversedPeriodIsRefusedNamingTheField() throws Exception {
        mvc.perform(get("/api/analytics?from=last-week").with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
        mvc.perform(get("/api/analytics?to=2026-13-01").with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"));
        mvc.perform(
                        get("/api/analytics?from=2026-01-08T00:00:00Z&to=2026-01-05T00:00:00Z")
                                .with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"))
                .andExpect(jsonPath("$.title").value("Invalid field"));
        mvc.perform(get("/api/analytics?from=2000-01-01").with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
    }
}
