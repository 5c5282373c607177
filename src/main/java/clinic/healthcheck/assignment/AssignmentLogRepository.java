package clinic.healthcheck.assignment;

import static clinic.healthcheck.system.Times.fromDb;
import static clinic.healthcheck.system.Times.toDb;

import clinic.healthcheck.system.FilteredPage;
import clinic.healthcheck.system.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The assignment_log table: one row per attempt, written in the attempt's transaction. Each write
 * is announced as an {@link AssignmentAudited} event, from which the metrics count results.
 */
@Repository
public class AssignmentLogRepository {

    private static final String INSERT =
            """
            INSERT INTO assignment_log (health_check_id, consultant_id, result, reason, message,
                triggered_by, logged_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    /** Column types of {@link #INSERT}: a batch then never asks the driver what a null is. */
    private static final int[] INSERT_TYPES = {
        Types.BIGINT,
        Types.BIGINT,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.TIMESTAMP_WITH_TIMEZONE
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;

    public AssignmentLogRepository(
            JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
    }

    /** One success row per claim, written as a batch. */
    void successes(List<SlotReservation.Claim> claims, Trigger trigger, Instant now) {
        var batch = new ArrayList<Object[]>(claims.size());
        for (SlotReservation.Claim claim : claims) {
            batch.add(
                    new Object[] {
                        claim.check().id(),
                        claim.consultant().id(),
                        AssignmentLogEntry.SUCCESS,
                        null,
                        truncate(claim.why()),
                        trigger.code(),
                        toDb(now)
                    });
        }
        jdbcTemplate.batchUpdate(INSERT, batch, INSERT_TYPES);
        events.publishEvent(
                new AssignmentAudited(AssignmentLogEntry.SUCCESS, null, trigger, claims.size()));
    }

    public void error(long checkId, String message, Trigger trigger, Instant now) {
        insert(checkId, null, AssignmentLogEntry.ERROR, null, message, trigger, now);
        events.publishEvent(new AssignmentAudited(AssignmentLogEntry.ERROR, null, trigger, 1));
    }

    /**
     * A manual assignment ({@link AssignmentLogEntry#SUCCESS}) or reassignment ({@link
     * AssignmentLogEntry#REASSIGNED}): who gave the check to whom, why, and over capacity or not.
     */
    public void manual(
            long checkId,
            long consultantId,
            String result,
            String message,
            Trigger trigger,
            String assignedBy,
            boolean overCapacity,
            Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO assignment_log (health_check_id, consultant_id, result, message,
                            triggered_by, assigned_by, over_capacity, logged_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        checkId,
                        consultantId,
                        result,
                        truncate(message),
                        trigger.code(),
                        assignedBy,
                        overCapacity,
                        toDb(now))
                .update();
        events.publishEvent(new AssignmentAudited(result, null, trigger, 1));
    }

    /** One no_available row for each of the checks, all for one reason, in one statement. */
    public void waits(WaitReason reason, List<Long> checkIds, Trigger trigger, Instant now) {
        jdbc.sql(
                        """
                        INSERT INTO assignment_log (health_check_id, consultant_id, result,
                            reason, message, triggered_by, logged_at)
                        SELECT id, CAST(NULL AS BIGINT), :result, :reason, :message, :trigger,
                            :now
                        FROM health_check WHERE id IN (:ids)
                        ORDER BY id
                        """)
                .param("result", AssignmentLogEntry.NO_AVAILABLE)
                .param("reason", reason.code())
                .param("message", reason.explanation())
                .param("trigger", trigger.code())
                .param("now", toDb(now))
                .param("ids", checkIds)
                .update();
        events.publishEvent(
                new AssignmentAudited(
                        AssignmentLogEntry.NO_AVAILABLE, reason, trigger, checkIds.size()));
    }

    private void insert(
            long checkId,
            Long consultantId,
            String result,
            String reason,
            String message,
            Trigger trigger,
            Instant now) {
        jdbc.sql(INSERT)
                .params(
                        checkId,
                        consultantId,
                        result,
                        reason,
                        truncate(message),
                        trigger.code(),
                        toDb(now))
                .update();
    }

    /** Attempts matching every filter that is set, newest first. */
    public Page<AssignmentLogEntry> find(Filter filter, int page, int size) {
        return new FilteredPage()
                .and("l.result = :result", "result", filter.result())
                .and("l.health_check_id = :checkId", "checkId", filter.checkId())
                .and("c.username = :consultant", "consultant", filter.consultant())
                .and("l.logged_at >= :from", "from", toDb(filter.from()))
                .and("l.logged_at < :to", "to", toDb(filter.to()))
                .read(
                        jdbc,
                        "SELECT l.*, c.username AS consultant_username",
                        "FROM assignment_log l"
                                + " LEFT JOIN consultant_availability c ON c.id = l.consultant_id",
                        "ORDER BY l.logged_at DESC, l.id DESC",
                        this::map,
                        page,
                        size);
    }

    private AssignmentLogEntry map(ResultSet rs, int row) throws SQLException {
        long consultantId = rs.getLong("consultant_id");
        boolean hasConsultant = !rs.wasNull();
        return new AssignmentLogEntry(
                rs.getLong("id"),
                rs.getLong("health_check_id"),
                hasConsultant ? consultantId : null,
                rs.getString("consultant_username"),
                rs.getString("result"),
                rs.getString("reason"),
                rs.getString("message"),
                rs.getString("triggered_by"),
                rs.getString("assigned_by"),
                rs.getBoolean("over_capacity"),
                fromDb(rs, "logged_at"));
    }

    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 1000);
    }

    /** Filters of the audit listing; null means any. */
    public record Filter(
            String result, Long checkId, String consultant, Instant from, Instant to) {}
}
