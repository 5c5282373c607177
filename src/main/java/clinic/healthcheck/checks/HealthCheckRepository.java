package clinic.healthcheck.checks;

import static clinic.healthcheck.system.Times.fromDb;
import static clinic.healthcheck.system.Times.toDb;

import clinic.healthcheck.system.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The health_check table. Every change of status is a conditional update on the status it expects,
 * so two nodes or two threads can never apply the same step twice.
 */
@Repository
public class HealthCheckRepository {

    private static final String SELECT =
            """
            SELECT h.*, c.username AS consultant_username
            FROM health_check h LEFT JOIN consultant_availability c ON c.id = h.consultant_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public HealthCheckRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Stores a new pending check and returns its id. */
    public long insert(NewHealthCheck check, Instant createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        INSERT INTO health_check (patient_username, patient_email, check_type,
                            priority, priority_rank, status, requested_date, description,
                            medical_history, mail_opt_out, created_at)
                        VALUES (:patient, :email, :type, :priority, :rank, 'pending',
                            :requestedDate, :description, :history, :optOut, :createdAt)
                        """)
                .param("patient", check.patientUsername())
                .param("email", check.patientEmail())
                .param("type", check.checkType().code())
                .param("priority", check.priority().code())
                .param("rank", check.priority().rank())
                .param("requestedDate", check.requestedDate())
                .param("description", check.description())
                .param("history", check.medicalHistory())
                .param("optOut", check.mailOptOut())
                .param("createdAt", toDb(createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void recordProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE health_check SET process_instance_id = ? WHERE id = ?")
                .params(processInstanceId, id)
                .update();
    }

    public void recordDueAt(long id, Instant dueAt) {
        jdbc.sql("UPDATE health_check SET due_at = ? WHERE id = ?")
                .params(toDb(dueAt), id)
                .update();
    }

    public Optional<HealthCheck> findById(long id) {
        return jdbc.sql(SELECT + " WHERE h.id = ?").param(id).query(this::map).optional();
    }

    /**
     * Locks the check's row until the transaction ends, so that commands on one check run one after
     * the other, on any node; returns its status as it stands after the wait.
     */
    public Optional<CheckStatus> lockStatus(long id) {
        return jdbc.sql("SELECT status FROM health_check WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> CheckStatus.fromCode(rs.getString(1)))
                .optional();
    }

    /**
     * Gives pending checks to consultants, one statement each in one batch: {@code
     * consultantIds.get(i)} takes {@code ids.get(i)}, by the automatic path or by hand. True where
     * the check was still pending.
     */
    public boolean[] claim(
            List<Long> ids, List<Long> consultantIds, boolean automatic, Instant now) {
        var batch = new ArrayList<Object[]>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            batch.add(new Object[] {consultantIds.get(i), automatic, toDb(now), ids.get(i)});
        }
        int[] updated =
                jdbcTemplate.batchUpdate(
                        """
                        UPDATE health_check SET status = 'assigned', consultant_id = ?,
                            auto_assigned = ?, assigned_at = ?
                        WHERE id = ? AND status = 'pending'
                        """,
                        batch);
        boolean[] claimed = new boolean[updated.length];
        for (int i = 0; i < updated.length; i++) {
            claimed[i] = updated[i] == 1;
        }
        return claimed;
    }

    /** Undoes {@link #claim} in the same transaction when the consultants' slots were gone. */
    public void unclaim(List<Long> ids) {
        jdbc.sql(
                        """
                        UPDATE health_check SET status = 'pending', consultant_id = NULL,
                            auto_assigned = NULL, assigned_at = NULL
                        WHERE id IN (:ids) AND status = 'assigned'
                        """)
                .param("ids", ids)
                .update();
    }

    /**
     * Gives an assigned, not yet started check to another consultant; false when it started, was
     * cancelled or was given to someone else meanwhile. When and how the check was first assigned
     * stays as it was: that is what its service level measured; the audit keeps the change.
     */
    public boolean reassign(long id, long fromConsultantId, long toConsultantId) {
        return jdbc.sql(
                                """
                                UPDATE health_check SET consultant_id = ?
                                WHERE id = ? AND status = 'assigned' AND consultant_id = ?
                                """)
                        .params(toConsultantId, id, fromConsultantId)
                        .update()
                == 1;
    }

    public boolean markInProgress(long id, Instant scheduledAt, Instant now) {
        return jdbc.sql(
                                """
                                UPDATE health_check SET status = 'in_progress', started_at = ?,
                                    scheduled_at = COALESCE(?, scheduled_at)
                                WHERE id = ? AND status = 'assigned'
                                """)
                        .params(toDb(now), toDb(scheduledAt), id)
                        .update()
                == 1;
    }

    public boolean complete(long id, String notes, String recommendations, Instant now) {
        return jdbc.sql(
                                """
                                UPDATE health_check SET status = 'completed', completed_at = ?,
                                    consultant_notes = ?, recommendations = ?
                                WHERE id = ? AND status = 'in_progress'
                                """)
                        .params(toDb(now), notes, recommendations, id)
                        .update()
                == 1;
    }

    public boolean cancel(long id, String reason, Instant now) {
        return jdbc.sql(
                                """
                                UPDATE health_check SET status = 'cancelled', cancelled_at = ?,
                                    cancel_reason = ?
                                WHERE id = ? AND status IN ('pending', 'assigned', 'in_progress')
                                """)
                        .params(toDb(now), reason, id)
                        .update()
                == 1;
    }

    /**
     * The next page of the queue after {@code after} (null for the start): pending checks by
     * priority, oldest first, optionally only of some types. Keyset paging keeps each page one
     * index range scan however deep the backlog: the rest of the current priority from the last
     * check's time on, then the lower priorities, each read from where the index can seek to.
     */
    public List<PendingCheck> pendingAfter(PendingCheck after, Set<CheckType> types, int limit) {
        if (after == null) {
            return pending("", Map.of(), types, limit);
        }
        List<PendingCheck> page =
                new ArrayList<>(
                        pending(
                                """
                                 AND priority_rank = :rank AND created_at >= :created
                                    AND (created_at > :created OR id > :id)
                                """,
                                Map.of(
                                        "rank", after.priority().rank(),
                                        "created", toDb(after.createdAt()),
                                        "id", after.id()),
                                types,
                                limit));
        if (page.size() < limit) {
            page.addAll(
                    pending(
                            " AND priority_rank > :rank",
                            Map.of("rank", after.priority().rank()),
                            types,
                            limit - page.size()));
        }
        return page;
    }

    private List<PendingCheck> pending(
            String where, Map<String, Object> keys, Set<CheckType> types, int limit) {
        var sql =
                new StringBuilder(
                        """
                        SELECT id, check_type, priority, created_at, patient_username,
                            wait_reason, process_instance_id
                        FROM health_check WHERE status = 'pending'
                        """);
        sql.append(where);
        var params = new HashMap<String, Object>(keys);
        if (types != null) {
            sql.append(" AND check_type IN (:types)");
            params.put("types", types.stream().map(CheckType::code).toList());
        }
        // status leads the ORDER BY so that H2, too, reads the index in order and stops early
        sql.append(" ORDER BY status, priority_rank, created_at, id LIMIT :limit");
        params.put("limit", limit);

        return jdbc.sql(sql.toString())
                .params(params)
                .query(
                        (rs, n) ->
                                new PendingCheck(
                                        rs.getLong("id"),
                                        CheckType.fromCode(rs.getString("check_type")),
                                        Priority.fromCode(rs.getString("priority")),
                                        fromDb(rs, "created_at"),
                                        rs.getString("patient_username"),
                                        rs.getString("wait_reason"),
                                        rs.getString("process_instance_id")))
                .list();
    }

    public Optional<PendingCheck> findPending(long id) {
        return findById(id)
                .filter(check -> check.status() == CheckStatus.PENDING)
                .map(
                        check ->
                                new PendingCheck(
                                        check.id(),
                                        check.checkType(),
                                        check.priority(),
                                        check.createdAt(),
                                        check.patientUsername(),
                                        check.waitReason(),
                                        check.processInstanceId()));
    }

    /**
     * Which of these checks are still pending with a wait reason other than {@code reason}, their
     * rows locked until the caller's transaction ends. Another run recording the same wait for the
     * same check waits for that lock and then finds the reason recorded, so a wait is audited once
     * however many runs, threads or nodes see it at the same time.
     */
    public List<Long> lockWaitsToRecord(String reason, List<Long> ids) {
        return jdbc.sql(
                        """
                        SELECT id FROM health_check
                        WHERE id IN (:ids) AND status = 'pending'
                            AND (wait_reason IS NULL OR wait_reason <> :reason)
                        ORDER BY id FOR UPDATE
                        """)
                .param("ids", ids)
                .param("reason", reason)
                .query(Long.class)
                .list();
    }

    /**
     * Notes why still-pending checks wait, so the same wait is not audited at every sweep: one
     * statement for many checks.
     */
    public void recordWaitReason(String reason, List<Long> ids) {
        jdbc.sql(
                        """
                        UPDATE health_check SET wait_reason = :reason
                        WHERE id IN (:ids) AND status = 'pending'
                        """)
                .param("reason", reason)
                .param("ids", ids)
                .update();
    }

    /**
     * Open checks whose process instance no longer runs: an operator deleted or cancelled it in
     * Cockpit or through the engine's REST API, perhaps skipping every listener.
     */
    public List<Long> findOpenWithoutProcess() {
        return jdbc.sql(
                        """
                        SELECT h.id FROM health_check h
                        WHERE h.status IN ('pending', 'assigned', 'in_progress')
                            AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e
                                WHERE e.ID_ = h.process_instance_id)
                        """)
                .query(Long.class)
                .list();
    }

    /**
     * Which of these requests were taken in before: the same patient, type, priority and request
     * time. An import run twice must not double the backlog.
     */
    public Set<RequestKey> existing(List<RequestKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        var patients = keys.stream().map(RequestKey::patientUsername).distinct().toList();
        var stored =
                jdbc.sql(
                                """
                                SELECT patient_username, check_type, priority, created_at
                                FROM health_check WHERE patient_username IN (:patients)
                                """)
                        .param("patients", patients)
                        .query(
                                (rs, n) ->
                                        new RequestKey(
                                                rs.getString("patient_username"),
                                                CheckType.fromCode(rs.getString("check_type")),
                                                Priority.fromCode(rs.getString("priority")),
                                                fromDb(rs, "created_at")))
                        .list();
        var wanted = Set.copyOf(keys);
        return stored.stream().filter(wanted::contains).collect(Collectors.toSet());
    }

    /** How many of these checks were past their due time at {@code now}. */
    public int countOverdue(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM health_check WHERE id IN (:ids) AND due_at <= :now")
                .param("ids", ids)
                .param("now", toDb(now))
                .query(Integer.class)
                .single();
    }

    /** What makes two imported requests the same request. */
    public record RequestKey(
            String patientUsername, CheckType checkType, Priority priority, Instant requestedAt) {}

    /** The consultant who last took one of this patient's checks, if any did. */
    public Optional<Long> lastConsultantOf(String patientUsername) {
        return jdbc.sql(
                        """
                        SELECT consultant_id FROM health_check
                        WHERE patient_username = ? AND consultant_id IS NOT NULL
                            AND assigned_at IS NOT NULL
                        ORDER BY assigned_at DESC, id DESC
                        LIMIT 1
                        """)
                .param(patientUsername)
                .query(Long.class)
                .optional();
    }

    public Page<HealthCheck> findByPatient(String patientUsername, int page, int size) {
        return page(" WHERE h.patient_username = :who", "who", patientUsername, page, size);
    }

    public Page<HealthCheck> findByConsultant(long consultantId, int page, int size) {
        return page(" WHERE h.consultant_id = :who", "who", consultantId, page, size);
    }

    public Page<HealthCheck> findAll(CheckStatus status, int page, int size) {
        if (status == null) {
            return page("", null, null, page, size);
        }
        return page(" WHERE h.status = :who", "who", status.code(), page, size);
    }

    private Page<HealthCheck> page(String where, String name, Object value, int page, int size) {
        var count = jdbc.sql("SELECT COUNT(*) FROM health_check h" + where);
        var items =
                jdbc.sql(SELECT + where + " ORDER BY h.id DESC LIMIT :limit OFFSET :offset")
                        .param("limit", size)
                        .param("offset", (long) page * size);
        if (name != null) {
            count = count.param(name, value);
            items = items.param(name, value);
        }
        long total = count.query(Long.class).single();
        return new Page<>(items.query(this::map).list(), page, size, total);
    }

    private HealthCheck map(ResultSet rs, int row) throws SQLException {
        long consultantId = rs.getLong("consultant_id");
        boolean hasConsultant = !rs.wasNull();
        boolean auto = rs.getBoolean("auto_assigned");
        boolean hasAuto = !rs.wasNull();
        return new HealthCheck(
                rs.getLong("id"),
                rs.getString("patient_username"),
                rs.getString("patient_email"),
                CheckType.fromCode(rs.getString("check_type")),
                Priority.fromCode(rs.getString("priority")),
                CheckStatus.fromCode(rs.getString("status")),
                hasConsultant ? consultantId : null,
                rs.getString("consultant_username"),
                hasAuto ? auto : null,
                rs.getObject("requested_date", LocalDate.class),
                rs.getString("description"),
                rs.getString("medical_history"),
                rs.getString("consultant_notes"),
                rs.getString("recommendations"),
                rs.getString("wait_reason"),
                rs.getString("cancel_reason"),
                rs.getString("process_instance_id"),
                fromDb(rs, "created_at"),
                fromDb(rs, "due_at"),
                fromDb(rs, "assigned_at"),
                fromDb(rs, "scheduled_at"),
                fromDb(rs, "started_at"),
                fromDb(rs, "completed_at"),
                fromDb(rs, "cancelled_at"),
                rs.getBoolean("mail_opt_out"));
    }

    /** What a request carries before it has an id. */
    public record NewHealthCheck(
            String patientUsername,
            String patientEmail,
            CheckType checkType,
            Priority priority,
            LocalDate requestedDate,
            String description,
            String medicalHistory,
            boolean mailOptOut) {

        /** A request that takes mail, as the command line and the demo make them. */
        public NewHealthCheck(
                String patientUsername,
                String patientEmail,
                CheckType checkType,
                Priority priority,
                LocalDate requestedDate,
                String description,
                String medicalHistory) {
            this(
                    patientUsername,
                    patientEmail,
                    checkType,
                    priority,
                    requestedDate,
                    description,
                    medicalHistory,
                    false);
        }
    }
}
