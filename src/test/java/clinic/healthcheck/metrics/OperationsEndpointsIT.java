package clinic.healthcheck.metrics;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.Priority.URGENT;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.support.RunningServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** Actuator over HTTP: who may read what, the Prometheus scrape, and health when the DB is gone. */
class OperationsEndpointsIT extends RunningServiceTestBase {

    @Autowired LiveGauges gauges;
    @Autowired HealthContributorRegistry health;

    @BeforeEach
    void people() {
        login("root", "camunda-admin");
        login("mara", "managers");
    }

    @Test
    void theBareHealthStatusIsOpenToAllAndItsDetailsToAdminsOnly() {
        var anonymous = get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health", "mara").body()).doesNotContain("components");

        var admin = get("/actuator/health", "root");
        assertThat(admin.body())
                .contains("\"processEngine\":{\"status\":\"UP\"")
                .contains("\"healthCheckProcessVersions\":1")
                .contains("\"db\":{\"status\":\"UP\"")
                .doesNotContain("\"mail\"");
    }

    @Test
    void onlyAdminsReadTheMetrics() {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "mara").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", "mara").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "root").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", "root").statusCode()).isEqualTo(200);
    }

    @Test
    void thePrometheusScrapeCarriesTheQueueTheFreeSlotsAndEachAssignment() {
        consultant("carla", "Medical Staff", "", 2, "4.5", AVAILABLE);
        var check = request("pat", MEDICAL, URGENT);
        assertThat(check.status()).isEqualTo(CheckStatus.ASSIGNED);
        backlog("paula", MEDICAL, URGENT, "2026-01-05T08:00:00Z");
        gauges.refresh();

        String scrape = get("/actuator/prometheus", "root").body();

        assertThat(scrape)
                .containsPattern("healthchecks_pending\\{[^}]*priority=\"urgent\"[^}]*} 1\\.0")
                .containsPattern(
                        "healthchecks_pending_overdue\\{[^}]*priority=\"urgent\"[^}]*} 1\\.0")
                .containsPattern(
                        "healthchecks_free_slots\\{[^}]*specialization=\"medical staff\"[^}]*}"
                                + " 1\\.0")
                .containsPattern(
                        "healthchecks_time_to_assign_seconds_count\\{[^}]*priority=\"urgent\"")
                .contains("healthchecks_time_to_assign_seconds_bucket")
                .containsPattern(
                        "healthchecks_assignment_attempts_total\\{[^}]*result=\"success\""
                                + "[^}]*trigger=\"request\"");
    }

    @Test
    void healthTurnsDownWhileTheDatabaseIsUnreachable() {
        database.cutOff();
        try {
            var anonymous = get("/actuator/health", null);

            assertThat(anonymous.statusCode()).isEqualTo(503);
            assertThat(anonymous.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(indicator("db").health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(indicator("processEngine").health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            database.restore();
        }

        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private HealthIndicator indicator(String name) {
        return (HealthIndicator) health.getContributor(name);
    }
}
