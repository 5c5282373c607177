package clinic.healthcheck.support;

import static clinic.healthcheck.system.Times.toDb;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.consultants.RosterEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A small history, written straight into the tables with exact times, so every figure can be worked
 * out by hand. It needs the consultants carla (Medical Staff, max 2, available), dana (Medical
 * Staff, max 3, offline), nico (Nutrition, max 0) and ines (Nutrition, max 1, no login). The period
 * is 5 to 7 January 2026, whole UTC days (72 hours).
 *
 * <pre>
 * check  requested    type/priority     due after  what happened
 * 1      05 08:00     medical urgent    15 min     assigned to carla 08:05 (auto), completed 09:05
 * 2      05 09:00     medical urgent    15 min     waited (all_full 09:00), carla 09:30 (auto), open
 * 3      06 10:00     medical high      2 h        assigned to dana 11:00 (manual), cancelled 12:00
 * 4      06 12:00     nutrition normal  1 day      waits: all_full 12:00, all_unavailable 13:00
 * 5      07 09:00     wellness low      5 days     attempt failed 09:30, cancelled 10:00 waiting
 * 6      04 23:00     initial normal    (none)     carla 05 02:00 (auto), completed 05 04:00
 * 7      08 01:00     medical low       (none)     waits: no_specialization 08 02:00
 * </pre>
 *
 * By hand: carla held checks 1 h (check 1) + 2 h (check 6) + 62.5 h (check 2, 05 09:30 to the
 * period's end) = 235,800 s of 259,200 s, with 2 slots: average load 0.91, utilization 0.4549; dana
 * 3,600 s with 3 slots: 0.01 and 0.0046.
 */
public final class AnalyticsScenario {

    /** The query string of the scenario's period. */
    public static final String PERIOD = "?from=2026-01-05&to=2026-01-07";

    private final ServiceTestBase test;
    private final JdbcTemplate jdbc;

    public AnalyticsScenario(ServiceTestBase test) {
        this.test = test;
        this.jdbc = test.jdbc;
    }

    public void build() {
        test.consultant("carla", "Medical Staff", "", 2, "4.5", ConsultantStatus.AVAILABLE);
        test.consultant("dana", "Medical Staff", "medical", 3, null, ConsultantStatus.OFFLINE);
        test.consultant("nico", "Nutrition", "", 0, "4.0", ConsultantStatus.AVAILABLE);
        test.consultantRows.upsert(
                new RosterEntry(
                        "ines",
                        null,
                        "Ines Imported",
                        "nutrition",
                        EnumSet.noneOf(CheckType.class),
                        1,
                        0,
                        new BigDecimal("3.9"),
                        ConsultantStatus.AVAILABLE),
                Instant.now());

        long carla = consultant("carla");
        long dana = consultant("dana");
        jdbc.update(
                "UPDATE consultant_availability SET current_assignments = 1 WHERE id = ?", carla);

        long one = check("medical", "urgent", "in_progress", "2026-01-05T08:00:00Z", "PT15M");
        assign(one, carla, true, "2026-01-05T08:05:00Z");
        at(one, "completed", "completed_at", "2026-01-05T09:05:00Z");
        success(one, carla, "2026-01-05T08:05:00Z");

        long two = check("medical", "urgent", "in_progress", "2026-01-05T09:00:00Z", "PT15M");
        assign(two, carla, true, "2026-01-05T09:30:00Z");
        at(two, "in_progress", "started_at", "2026-01-05T10:00:00Z");
        waited(two, "all_full", "2026-01-05T09:00:00Z");
        success(two, carla, "2026-01-05T09:30:00Z");

        long three = check("medical", "high", "cancelled", "2026-01-06T10:00:00Z", "PT2H");
        assign(three, dana, false, "2026-01-06T11:00:00Z");
        at(three, "cancelled", "cancelled_at", "2026-01-06T12:00:00Z");

        long four = check("nutrition", "normal", "pending", "2026-01-06T12:00:00Z", "PT24H");
        waited(four, "all_full", "2026-01-06T12:00:00Z");
        waited(four, "all_unavailable", "2026-01-06T13:00:00Z");
        jdbc.update("UPDATE health_check SET wait_reason = 'all_unavailable' WHERE id = ?", four);

        long five = check("wellness", "low", "cancelled", "2026-01-07T09:00:00Z", "PT120H");
        log(
                five,
                null,
                "error",
                null,
                "technical failure: OptimisticLockingException",
                "2026-01-07T09:30:00Z");
        at(five, "cancelled", "cancelled_at", "2026-01-07T10:00:00Z");

        long six = check("initial", "normal", "completed", "2026-01-04T23:00:00Z", null);
        assign(six, carla, true, "2026-01-05T02:00:00Z");
        at(six, "completed", "completed_at", "2026-01-05T04:00:00Z");
        success(six, carla, "2026-01-05T02:00:00Z");

        long seven = check("medical", "low", "pending", "2026-01-08T01:00:00Z", null);
        waited(seven, "no_specialization", "2026-01-08T02:00:00Z");
        jdbc.update(
                "UPDATE health_check SET wait_reason = 'no_specialization' WHERE id = ?", seven);
    }

    private long consultant(String username) {
        return jdbc.queryForObject(
                "SELECT id FROM consultant_availability WHERE username = ?", Long.class, username);
    }

    private long check(String type, String priority, String status, String requested, String due) {
        int rank =
                switch (priority) {
                    case "urgent" -> 1;
                    case "high" -> 2;
                    case "normal" -> 3;
                    default -> 4;
                };
        Instant requestedAt = Instant.parse(requested);
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert =
                            connection.prepareStatement(
                                    "INSERT INTO health_check (patient_username, check_type,"
                                            + " priority, priority_rank, status, created_at,"
                                            + " due_at) VALUES ('p', ?, ?, ?, ?, ?, ?)",
                                    new String[] {"id"});
                    insert.setString(1, type);
                    insert.setString(2, priority);
                    insert.setInt(3, rank);
                    insert.setString(4, status);
                    insert.setObject(5, toDb(requestedAt));
                    insert.setObject(
                            6, due == null ? null : toDb(requestedAt.plus(Duration.parse(due))));
                    return insert;
                },
                keys);
        return keys.getKey().longValue();
    }

    private void assign(long check, long consultant, boolean automatic, String when) {
        jdbc.update(
                "UPDATE health_check SET consultant_id = ?, auto_assigned = ?, assigned_at = ?"
                        + " WHERE id = ?",
                consultant,
                automatic,
                toDb(Instant.parse(when)),
                check);
    }

    private void at(long check, String status, String column, String when) {
        jdbc.update(
                "UPDATE health_check SET status = ?, " + column + " = ? WHERE id = ?",
                status,
                toDb(Instant.parse(when)),
                check);
    }

    private void success(long check, long consultant, String when) {
        log(check, consultant, "success", null, "rank 1 of 1", when);
    }

    private void waited(long check, String reason, String when) {
        log(check, null, "no_available", reason, reason, when);
    }

    private void log(
            long check,
            Long consultant,
            String result,
            String reason,
            String message,
            String when) {
        jdbc.update(
                "INSERT INTO assignment_log (health_check_id, consultant_id, result, reason,"
                        + " message, triggered_by, logged_at) VALUES (?, ?, ?, ?, ?, 'sweep', ?)",
                check,
                consultant,
                result,
                reason,
                message,
                toDb(Instant.parse(when)));
    }
}
