package clinic.healthcheck.consultants;

import static clinic.healthcheck.system.Times.fromDb;
import static clinic.healthcheck.system.Times.toDb;

import clinic.healthcheck.checks.CheckType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consultant_availability table. A slot is taken and given back only by conditional updates on
 * the row itself, never by reading a count and writing it back.
 */
@Repository
public class ConsultantRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public ConsultantRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<Consultant> findAll() {
        return jdbc.sql("SELECT * FROM consultant_availability ORDER BY id")
                .query(this::map)
                .list();
    }

    /** Consultants whose specialization is one of these lower-case names, whatever its case. */
    public List<Consultant> findBySpecializations(List<String> specializations) {
        if (specializations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        SELECT * FROM consultant_availability
                        WHERE LOWER(TRIM(specialization)) IN (:specializations) ORDER BY id
                        """)
                .param("specializations", specializations)
                .query(this::map)
                .list();
    }

    public Optional<Consultant> findById(long id) {
        return jdbc.sql("SELECT * FROM consultant_availability WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Optional<Consultant> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM consultant_availability WHERE username = ?")
                .param(username)
                .query(this::map)
                .optional();
    }

    /**
     * Takes one slot for each id, in the order given, one statement each in one batch; a slot is
     * taken only while the consultant is available and has room. The row lock each update takes
     * serializes it with every other change to the same consultant. True where a slot was taken.
     */
    public boolean[] takeSlots(List<Long> ids, Instant now) {
        var batch = new ArrayList<Object[]>(ids.size());
        for (long id : ids) {
            batch.add(new Object[] {toDb(now), toDb(now), id});
        }
        int[] updated =
                jdbcTemplate.batchUpdate(
                        """
                        UPDATE consultant_availability
                        SET current_assignments = current_assignments + 1,
                            last_assigned_at = ?, updated_at = ?
                        WHERE id = ? AND status = 'available'
                            AND current_assignments < max_concurrent_checks
                        """,
                        batch);
        boolean[] taken = new boolean[updated.length];
        for (int i = 0; i < updated.length; i++) {
            taken[i] = updated[i] == 1;
        }
        return taken;
    }

    /**
     * Takes one slot even beyond the maximum, for a manager's explicit override; the consultant
     * must still be available. The load stays true, so no automatic assignment follows until it is
     * back under the maximum.
     */
    public boolean takeSlotOverCapacity(long id, Instant now) {
        return jdbc.sql(
                                """
                                UPDATE consultant_availability
                                SET current_assignments = current_assignments + 1,
                                    last_assigned_at = ?, updated_at = ?
                                WHERE id = ? AND status = 'available'
                                """)
                        .params(toDb(now), toDb(now), id)
                        .update()
                == 1;
    }

    /** Gives a slot back; a completed check also counts towards the consultant's total. */
    public void releaseSlot(long id, boolean completed, Instant now) {
        jdbc.sql(
                        """
                        UPDATE consultant_availability
                        SET current_assignments = current_assignments - 1,
                            total_completed_checks = total_completed_checks + ?, updated_at = ?
                        WHERE id = ? AND current_assignments > 0
                        """)
                .params(completed ? 1 : 0, toDb(now), id)
                .update();
    }

    public void updateAvailability(
            long id, ConsultantStatus status, int maxConcurrentChecks, Instant now) {
        jdbc.sql(
                        """
                        UPDATE consultant_availability
                        SET status = ?, max_concurrent_checks = ?, updated_at = ?
                        WHERE id = ?
                        """)
                .params(status.code(), maxConcurrentChecks, toDb(now), id)
                .update();
    }

    /** Adds a consultant from a roster, or updates the one with the same username. */
    public void upsert(RosterEntry entry, Instant now) {
        String preferred =
                entry.preferredCheckTypes().stream()
                        .map(CheckType::code)
                        .sorted()
                        .collect(Collectors.joining(";"));
        int updated =
                jdbc.sql(
                                """
                                UPDATE consultant_availability
                                SET email = :email, full_name = :name, status = :status,
                                    max_concurrent_checks = :max, specialization = :spec,
                                    preferred_check_types = :preferred, average_rating = :rating,
                                    current_assignments = current_assignments - carried_load
                                        + :carried,
                                    carried_load = :carried, updated_at = :now
                                WHERE username = :username
                                """)
                        .params(rosterParams(entry, preferred, now))
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            """
                            INSERT INTO consultant_availability (username, email, full_name,
                                status, current_assignments, carried_load, max_concurrent_checks,
                                specialization, preferred_check_types, average_rating, updated_at)
                            VALUES (:username, :email, :name, :status, :carried, :carried, :max,
                                :spec, :preferred, :rating, :now)
                            """)
                    .params(rosterParams(entry, preferred, now))
                    .update();
        }
    }

    private static Map<String, Object> rosterParams(
            RosterEntry entry, String preferred, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("username", entry.username());
        params.put("email", entry.email());
        params.put("name", entry.fullName());
        params.put("status", entry.status().code());
        params.put("max", entry.maxConcurrentChecks());
        params.put("spec", entry.specialization());
        params.put("preferred", preferred);
        params.put("rating", entry.averageRating());
        params.put("carried", entry.carriedLoad());
        params.put("now", toDb(now));
        return params;
    }

    /** Locks the consultant's row: no slot can be taken or given back until commit. */
    public void lock(long id) {
        jdbc.sql("SELECT id FROM consultant_availability WHERE id = ? FOR UPDATE")
                .param(id)
                .query(Long.class)
                .optional();
    }

    /** Consultants whose stored load differs from the checks they hold plus the carried load. */
    public List<Long> findWithDriftingLoad() {
        return jdbc.sql(
                        """
                        SELECT c.id FROM consultant_availability c
                        WHERE c.current_assignments <> c.carried_load + (
                            SELECT COUNT(*) FROM health_check h
                            WHERE h.consultant_id = c.id
                                AND h.status IN ('assigned', 'in_progress'))
                        """)
                .query(Long.class)
                .list();
    }

    /**
     * Sets the stored load to what the consultant really holds. Run under {@link #lock}, so the
     * count sees every assignment committed before it and none can slip in after.
     */
    public int recomputeLoad(long id, Instant now) {
        int load =
                jdbc.sql(
                                """
                                SELECT c.carried_load + (
                                    SELECT COUNT(*) FROM health_check h
                                    WHERE h.consultant_id = c.id
                                        AND h.status IN ('assigned', 'in_progress'))
                                FROM consultant_availability c WHERE c.id = ?
                                """)
                        .param(id)
                        .query(Integer.class)
                        .single();
        jdbc.sql(
                        """
                        UPDATE consultant_availability SET current_assignments = ?, updated_at = ?
                        WHERE id = ?
                        """)
                .params(load, toDb(now), id)
                .update();
        return load;
    }

    private Consultant map(ResultSet rs, int row) throws SQLException {
        return new Consultant(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("full_name"),
                ConsultantStatus.fromCode(rs.getString("status")),
                rs.getInt("current_assignments"),
                rs.getInt("carried_load"),
                rs.getInt("max_concurrent_checks"),
                rs.getString("specialization"),
                parseTypes(rs.getString("preferred_check_types")),
                rs.getString("preferred_priority"),
                rs.getBigDecimal("average_rating"),
                rs.getInt("total_completed_checks"),
                fromDb(rs, "last_assigned_at"));
    }

    private static Set<CheckType> parseTypes(String stored) {
        Set<CheckType> types = EnumSet.noneOf(CheckType.class);
        if (stored != null) {
            Arrays.stream(stored.split(";"))
                    .map(CheckType::fromCode)
                    .filter(Objects::nonNull)
                    .forEach(types::add);
        }
        return types;
    }
}
