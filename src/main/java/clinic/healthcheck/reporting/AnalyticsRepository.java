package clinic.healthcheck.reporting;

import static clinic.healthcheck.system.Times.fromDb;
import static clinic.healthcheck.system.Times.toDb;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.reporting.Figures.Attempts;
import clinic.healthcheck.reporting.Figures.Errors;
import clinic.healthcheck.reporting.Figures.Spread;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the figures from the service's tables. Every query aggregates in the database, so a read
 * costs the same however many checks a period holds, and each is plain SQL that runs unchanged on
 * H2 and PostgreSQL. Times enter as UTC instants; durations are computed from epoch seconds, so no
 * session time zone takes part.
 */
@Repository
public class AnalyticsRepository {

    private final JdbcClient jdbc;

    AnalyticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whole seconds from {@code start} to {@code end}. */
    private static String seconds(String start, String end) {
        return "FLOOR(EXTRACT(EPOCH FROM " + end + ") - EXTRACT(EPOCH FROM " + start + "))";
    }

    private static String spreadOf(String seconds) {
        return "COUNT(*) AS n, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY "
                + seconds
                + ") AS p50, PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY "
                + seconds
                + ") AS p90, MAX("
                + seconds
                + ") AS top";
    }

    /** Pending checks by priority, read along the queue's index. */
    public Map<Priority, PendingCount> pendingByPriority(Instant now) {
        Map<Priority, PendingCount> counts = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            counts.put(priority, new PendingCount(0, 0, null));
        }
        jdbc.sql(
                        """
                        SELECT priority, COUNT(*) AS n,
                            SUM(CASE WHEN due_at < :now THEN 1 ELSE 0 END) AS overdue,
                            MIN(created_at) AS oldest
                        FROM health_check WHERE status = 'pending'
                        GROUP BY priority
                        """)
                .param("now", toDb(now))
                .query(
                        (rs, n) ->
                                counts.put(
                                        Priority.fromCode(rs.getString("priority")),
                                        new PendingCount(
                                                rs.getLong("n"),
                                                rs.getLong("overdue"),
                                                fromDb(rs, "oldest"))))
                .list();
        return counts;
    }

    public record PendingCount(long checks, long overdue, Instant oldestRequestedAt) {}

    /** Pending checks by the reason their last attempt gave; null when none was made yet. */
    public Map<String, Long> pendingByReason() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT wait_reason, COUNT(*) AS n FROM health_check
                        WHERE status = 'pending' GROUP BY wait_reason ORDER BY n DESC, wait_reason
                        """)
                .query((rs, n) -> counts.put(rs.getString("wait_reason"), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Free slots of available consultants, by specialization (lower case), now. */
    public Map<String, Long> freeSlotsBySpecialization() {
        Map<String, Long> slots = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        SELECT LOWER(TRIM(specialization)) AS specialization,
                            SUM(CASE WHEN status = 'available'
                                    AND max_concurrent_checks > current_assignments
                                THEN max_concurrent_checks - current_assignments ELSE 0 END)
                                AS free
                        FROM consultant_availability
                        GROUP BY LOWER(TRIM(specialization)) ORDER BY specialization
                        """)
                .query((rs, n) -> slots.put(rs.getString("specialization"), rs.getLong("free")))
                .list();
        return slots;
    }

    /** Checks requested in the period, by priority and check type. */
    public List<MixCount> requestMix(Period period) {
        return jdbc.sql(
                        """
                        SELECT priority, check_type, COUNT(*) AS n FROM health_check
                        WHERE created_at >= :from AND created_at < :to
                        GROUP BY priority, check_type
                        """)
                .params(bounds(period))
                .query(
                        (rs, n) ->
                                new MixCount(
                                        Priority.fromCode(rs.getString("priority")),
                                        CheckType.fromCode(rs.getString("check_type")),
                                        rs.getLong("n")))
                .list();
    }

    public record MixCount(Priority priority, CheckType checkType, long checks) {}

    /**
     * Assignments made in the period per bucket, counted from the period's start. The division is
     * in floating point: H2 would round a decimal quotient to whole numbers before the floor.
     */
    public List<BucketCount> assignmentsOverTime(Period period, Duration bucket) {
        var params = bounds(period);
        params.put("fromEpoch", period.from().getEpochSecond());
        params.put("bucket", bucket.toSeconds());
        return jdbc.sql(
                        """
                        SELECT slot, SUM(CASE WHEN auto_assigned THEN 1 ELSE 0 END) AS automatic,
                            SUM(CASE WHEN auto_assigned THEN 0 ELSE 1 END) AS manual
                        FROM (SELECT auto_assigned,
                                FLOOR(CAST(EXTRACT(EPOCH FROM assigned_at) - :fromEpoch
                                    AS DOUBLE PRECISION) / :bucket) AS slot
                            FROM health_check
                            WHERE assigned_at >= :from AND assigned_at < :to) assigned
                        GROUP BY slot
                        """)
                .params(params)
                .query(
                        (rs, n) ->
                                new BucketCount(
                                        rs.getInt("slot"),
                                        rs.getLong("automatic"),
                                        rs.getLong("manual")))
                .list();
    }

    public record BucketCount(int slot, long automatic, long manual) {}

    /**
     * Per priority, of the checks requested in the period: how many have a due time, how many
     * missed it by now, how many still wait past it, and the shortest and longest due time.
     */
    public Map<Priority, DueCount> dueTimes(Period period, Instant now) {
        var params = bounds(period);
        params.put("now", toDb(now));
        Map<Priority, DueCount> counts = new EnumMap<>(Priority.class);
        jdbc.sql(
                        "SELECT priority, COUNT(*) AS n, COUNT(due_at) AS with_due,"
                                + " SUM(CASE WHEN due_at < COALESCE(assigned_at, cancelled_at,"
                                + " :now) THEN 1 ELSE 0 END) AS breached,"
                                + " SUM(CASE WHEN status = 'pending' AND due_at < :now"
                                + " THEN 1 ELSE 0 END) AS past_due,"
                                + " MIN("
                                + seconds("created_at", "due_at")
                                + ") AS due_min, MAX("
                                + seconds("created_at", "due_at")
                                + ") AS due_max"
                                + " FROM health_check"
                                + " WHERE created_at >= :from AND created_at < :to"
                                + " GROUP BY priority")
                .params(params)
                .query(
                        (rs, n) ->
                                counts.put(
                                        Priority.fromCode(rs.getString("priority")),
                                        new DueCount(
                                                rs.getLong("n"),
                                                rs.getLong("with_due"),
                                                rs.getLong("breached"),
                                                rs.getLong("past_due"),
                                                whole(rs, "due_min"),
                                                whole(rs, "due_max"))))
                .list();
        return counts;
    }

    public record DueCount(
            long requested,
            long withDueTime,
            long breached,
            long waitingPastDue,
            Long dueWithinMinSeconds,
            Long dueWithinMaxSeconds) {}

    /** From request to assignment, per priority, for the checks requested in the period. */
    public Map<Priority, Spread> timeToAssign(Period period) {
        return spreadByPriority(
                seconds("created_at", "assigned_at"),
                "created_at >= :from AND created_at < :to AND assigned_at IS NOT NULL",
                period);
    }

    /** From assignment to completion, per priority, for the checks completed in the period. */
    public Map<Priority, Spread> timeToComplete(Period period) {
        return spreadByPriority(seconds("assigned_at", "completed_at"), completedIn(), period);
    }

    /** From assignment to completion over every priority. */
    public Spread timeToCompleteAll(Period period) {
        return jdbc.sql(
                        "SELECT "
                                + spreadOf(seconds("assigned_at", "completed_at"))
                                + " FROM health_check WHERE "
                                + completedIn())
                .params(bounds(period))
                .query(AnalyticsRepository::spread)
                .single();
    }

    private static String completedIn() {
        return "completed_at >= :from AND completed_at < :to AND assigned_at IS NOT NULL";
    }

    private Map<Priority, Spread> spreadByPriority(String seconds, String where, Period period) {
        Map<Priority, Spread> spreads = new EnumMap<>(Priority.class);
        jdbc.sql(
                        "SELECT priority, "
                                + spreadOf(seconds)
                                + " FROM health_check WHERE "
                                + where
                                + " GROUP BY priority")
                .params(bounds(period))
                .query(
                        (rs, n) ->
                                spreads.put(
                                        Priority.fromCode(rs.getString("priority")), spread(rs, n)))
                .list();
        return spreads;
    }

    /**
     * Every consultant with their load now and, over the part of the period that passed by {@code
     * end}, the seconds they held checks (each check from its assignment to its completion or
     * cancellation, or to {@code end} while open), and the checks assigned and completed.
     */
    public List<ConsultantActivity> consultantActivity(Period period, Instant end) {
        var params = bounds(period);
        params.put("end", toDb(end));
        String held =
                seconds(
                        "GREATEST(assigned_at, :from)",
                        "LEAST(COALESCE(completed_at, cancelled_at, :end), :end)");
        return jdbc.sql(
                        """
                        SELECT c.username, c.full_name, c.specialization, c.status,
                            c.current_assignments, c.max_concurrent_checks, c.average_rating,
                            COALESCE(h.held, 0) AS held, COALESCE(a.n, 0) AS assigned,
                            COALESCE(d.n, 0) AS completed
                        FROM consultant_availability c
                        LEFT JOIN (SELECT consultant_id, SUM(%s) AS held FROM health_check
                            WHERE assigned_at < :end
                                AND COALESCE(completed_at, cancelled_at, :end) > :from
                            GROUP BY consultant_id) h ON h.consultant_id = c.id
                        LEFT JOIN (SELECT consultant_id, COUNT(*) AS n FROM health_check
                            WHERE assigned_at >= :from AND assigned_at < :to
                            GROUP BY consultant_id) a ON a.consultant_id = c.id
                        LEFT JOIN (SELECT consultant_id, COUNT(*) AS n FROM health_check
                            WHERE completed_at >= :from AND completed_at < :to
                            GROUP BY consultant_id) d ON d.consultant_id = c.id
                        ORDER BY c.username
                        """
                                .formatted(held))
                .params(params)
                .query(
                        (rs, n) ->
                                new ConsultantActivity(
                                        rs.getString("username"),
                                        rs.getString("full_name"),
                                        rs.getString("specialization").trim(),
                                        rs.getString("status"),
                                        rs.getInt("current_assignments"),
                                        rs.getInt("max_concurrent_checks"),
                                        rs.getBigDecimal("average_rating"),
                                        rs.getLong("held"),
                                        rs.getLong("assigned"),
                                        rs.getLong("completed")))
                .list();
    }

    public record ConsultantActivity(
            String username,
            String fullName,
            String specialization,
            String status,
            int current,
            int max,
            BigDecimal rating,
            long heldSeconds,
            long assigned,
            long completed) {}

    /** Audited waits in the period, by reason and check type. */
    public List<WaitCount> waits(Period period) {
        return jdbc.sql(
                        """
                        SELECT l.reason, h.check_type, COUNT(*) AS n,
                            COUNT(DISTINCT l.health_check_id) AS checks
                        FROM assignment_log l JOIN health_check h ON h.id = l.health_check_id
                        WHERE l.result = 'no_available'
                            AND l.logged_at >= :from AND l.logged_at < :to
                        GROUP BY l.reason, h.check_type
                        """)
                .params(bounds(period))
                .query(
                        (rs, n) ->
                                new WaitCount(
                                        rs.getString("reason"),
                                        CheckType.fromCode(rs.getString("check_type")),
                                        rs.getLong("n"),
                                        rs.getLong("checks")))
                .list();
    }

    public record WaitCount(String reason, CheckType checkType, long attempts, long checks) {}

    /** Audited attempts in the period by result. */
    public List<Attempts> attempts(Period period) {
        return jdbc.sql(
                        """
                        SELECT result, COUNT(*) AS n, COUNT(DISTINCT health_check_id) AS checks
                        FROM assignment_log WHERE logged_at >= :from AND logged_at < :to
                        GROUP BY result ORDER BY result
                        """)
                .params(bounds(period))
                .query(
                        (rs, n) ->
                                new Attempts(
                                        rs.getString("result"),
                                        rs.getLong("n"),
                                        rs.getLong("checks")))
                .list();
    }

    /** Failed attempts in the period by their message, most frequent first. */
    public List<Errors> errors(Period period) {
        return jdbc.sql(
                        """
                        SELECT message, COUNT(*) AS n, COUNT(DISTINCT health_check_id) AS checks,
                            MAX(logged_at) AS last
                        FROM assignment_log
                        WHERE result = 'error' AND logged_at >= :from AND logged_at < :to
                        GROUP BY message ORDER BY n DESC, message
                        """)
                .params(bounds(period))
                .query(
                        (rs, n) ->
                                new Errors(
                                        rs.getString("message"),
                                        rs.getLong("n"),
                                        rs.getLong("checks"),
                                        fromDb(rs, "last")))
                .list();
    }

    private static Map<String, Object> bounds(Period period) {
        var params = new LinkedHashMap<String, Object>();
        params.put("from", toDb(period.from()));
        params.put("to", toDb(period.to()));
        return params;
    }

    private static Spread spread(ResultSet rs, int row) throws SQLException {
        return new Spread(rs.getLong("n"), whole(rs, "p50"), whole(rs, "p90"), whole(rs, "top"));
    }

    private static Long whole(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.longValue();
    }
}
