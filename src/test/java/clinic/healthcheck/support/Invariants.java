package clinic.healthcheck.support;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/** What must hold of the service's tables and the engine, whatever happened to them. */
public final class Invariants {

    /**
     * Nobody over capacity but by a manager's audited override, every stored load equal to what the
     * consultant holds, each open check's status matching where its process instance stands, and at
     * most one successful assignment per check.
     */
    public static void assertHold(
            ConsultantRepository consultants, JdbcTemplate jdbc, RuntimeService runtime) {
        for (Consultant consultant : consultants.findAll()) {
            Integer held =
                    jdbc.queryForObject(
                            "SELECT COUNT(*) FROM health_check WHERE consultant_id = ?"
                                    + " AND status IN ('assigned', 'in_progress')",
                            Integer.class,
                            consultant.id());
            assertThat(consultant.currentAssignments())
                    .as("load of %s", consultant.username())
                    .isEqualTo(consultant.carriedLoad() + held);
            Integer overrides =
                    jdbc.queryForObject(
                            "SELECT COUNT(*) FROM assignment_log WHERE consultant_id = ?"
                                    + " AND over_capacity = TRUE",
                            Integer.class,
                            consultant.id());
            assertThat(held + consultant.carriedLoad())
                    .as(
                            "capacity of %s, beyond it only by audited overrides",
                            consultant.username())
                    .isLessThanOrEqualTo(
                            Math.max(consultant.maxConcurrentChecks(), consultant.carriedLoad())
                                    + overrides);
        }

        List<Map<String, Object>> doubles =
                jdbc.queryForList(
                        "SELECT health_check_id FROM assignment_log WHERE result = 'success'"
                                + " GROUP BY health_check_id HAVING COUNT(*) > 1");
        assertThat(doubles).as("checks assigned twice").isEmpty();

        for (Map<String, Object> row :
                jdbc.queryForList(
                        "SELECT id, status, process_instance_id FROM health_check"
                                + " WHERE status IN ('pending', 'assigned', 'in_progress')")) {
            String instance = (String) row.get("process_instance_id");
            CheckStatus status = CheckStatus.fromCode((String) row.get("status"));
            String expected =
                    switch (status) {
                        case PENDING -> HealthCheckProcess.WAIT_FOR_CONSULTANT;
                        case ASSIGNED -> HealthCheckProcess.START_CONSULTATION;
                        default -> HealthCheckProcess.RECORD_CONSULTATION;
                    };
            assertThat(runtime.getActiveActivityIds(instance))
                    .as("check %s is %s", row.get("id"), status.code())
                    .contains(expected);
        }
    }

    private Invariants() {}
}
