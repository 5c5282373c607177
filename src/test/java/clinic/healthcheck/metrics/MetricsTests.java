package clinic.healthcheck.metrics;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.CheckType.NUTRITION;
import static clinic.healthcheck.checks.Priority.LOW;
import static clinic.healthcheck.checks.Priority.URGENT;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static clinic.healthcheck.consultants.ConsultantStatus.BREAK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import clinic.healthcheck.support.ServiceTestBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The gauges, the timer and the counters against what the service really did. */
abstract class MetricsTests extends ServiceTestBase {

    @Autowired MeterRegistry registry;
    @Autowired LiveGauges gauges;
    @Autowired MockMvc mvc;

    private double gauge(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).gauge().value();
    }

    private double attempts(String result, String reason, String trigger) {
        Counter counter =
                registry.find(AssignmentMetrics.ATTEMPTS)
                        .tag("result", result)
                        .tag("reason", reason)
                        .tag("trigger", trigger)
                        .counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer timeToAssign(String priority) {
        return registry.find(AssignmentMetrics.TIME_TO_ASSIGN).tag("priority", priority).timer();
    }

    @Test
    void gaugesShowPendingChecksByPriorityAndFreeSlotsBySpecializationOnceRefreshed() {
        consultant("carla", "Medical Staff", "medical", 2, "4.5", AVAILABLE);
        consultant("nico", "Nutrition", "", 3, "4.0", BREAK);
        backlog("p1", NUTRITION, URGENT, "2026-01-05T08:00:00Z");
        backlog("p2", NUTRITION, URGENT, "2026-01-05T08:01:00Z");
        backlog("p3", NUTRITION, LOW, Instant.now().toString());

        gauges.refresh();

        assertThat(gauge(LiveGauges.PENDING, "priority", "urgent")).isEqualTo(2);
        assertThat(gauge(LiveGauges.PENDING, "priority", "low")).isEqualTo(1);
        assertThat(gauge(LiveGauges.PENDING, "priority", "high")).isZero();
        // the urgent ones were due a quarter of an hour after their request in January
        assertThat(gauge(LiveGauges.OVERDUE, "priority", "urgent")).isEqualTo(2);
        assertThat(gauge(LiveGauges.OVERDUE, "priority", "low")).isZero();
        assertThat(gauge(LiveGauges.FREE_SLOTS, "specialization", "medical staff")).isEqualTo(2);
        // nico has room but is on a break
        assertThat(gauge(LiveGauges.FREE_SLOTS, "specialization", "nutrition")).isZero();
    }

    @Test
    void anAssignmentIsTimedFromItsRequestByPriorityAndCountedAsASuccess() {
        consultant("carla", "Medical Staff", "", 2, "4.5", AVAILABLE);
        Instant requested = Instant.now().minus(Duration.ofHours(3));
        backlog("p1", MEDICAL, URGENT, requested.toString());
        Timer before = timeToAssign("urgent");
        long timedBefore = before == null ? 0 : before.count();
        double secondsBefore = before == null ? 0 : before.totalTime(TimeUnit.SECONDS);
        double successesBefore = attempts("success", "none", "sweep");

        sweep();

        Timer timer = timeToAssign("urgent");
        assertThat(timer.count()).isEqualTo(timedBefore + 1);
        assertThat(timer.totalTime(TimeUnit.SECONDS) - secondsBefore)
                .isBetween(3 * 3600.0, 3 * 3600.0 + 120);
        assertThat(attempts("success", "none", "sweep")).isEqualTo(successesBefore + 1);
    }

    @Test
    void anAssignmentByHandIsTimedAndCountedToo() throws Exception {
        login("mara", "managers");
        // taken in from a backlog: it waits for the sweep, and a manager is quicker
        consultant("carla", "Medical Staff", "", 2, "4.5", AVAILABLE);
        Instant requested = Instant.now().minus(Duration.ofHours(2));
        long id = backlog("p1", MEDICAL, URGENT, requested.toString());
        Timer before = timeToAssign("urgent");
        long timedBefore = before == null ? 0 : before.count();
        double successesBefore = attempts("success", "none", "manual");

        mvc.perform(
                        post("/api/health-checks/" + id + "/assign")
                                .with(httpBasic("mara", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"consultant\": \"carla\", \"reason\": \"back soon\"}"))
                .andExpect(status().isOk());

        assertThat(timeToAssign("urgent").count()).isEqualTo(timedBefore + 1);
        assertThat(attempts("success", "none", "manual")).isEqualTo(successesBefore + 1);
    }

    @Test
    void aWaitIsCountedByItsReasonOnceUntilTheReasonChanges() {
        backlog("p1", NUTRITION, LOW, "2026-01-05T08:00:00Z");
        double before = attempts("no_available", "no_specialization", "sweep");

        sweep();
        sweep();

        assertThat(attempts("no_available", "no_specialization", "sweep")).isEqualTo(before + 1);

        consultant("nico", "Nutrition", "medical", 1, "4.0", AVAILABLE);
        double changedBefore = attempts("no_available", "no_preference", "sweep");
        sweep();

        assertThat(attempts("no_available", "no_preference", "sweep")).isEqualTo(changedBefore + 1);
    }
}
