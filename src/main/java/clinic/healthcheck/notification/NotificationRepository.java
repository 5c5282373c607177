package clinic.healthcheck.notification;

import static clinic.healthcheck.system.Times.fromDb;
import static clinic.healthcheck.system.Times.toDb;

import clinic.healthcheck.system.FilteredPage;
import clinic.healthcheck.system.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification table: one row per message, keyed by check, kind and recipient. Each change is
 * committed by the caller in a transaction of its own, so a mark survives whatever happens to the
 * job that sent the message.
 */
@Repository
public class NotificationRepository {

    private static final int ERROR_LENGTH = 500;

    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The message's status, after recording it as pending if it was not recorded yet. */
    NotificationStatus open(long checkId, Message message, Instant now) {
        var status = statusOf(checkId, message);
        if (status != null) {
            return status;
        }
        // One job sends one check's messages of one kind, and the engine runs a job on one
        // thread at a time, so nobody inserts the same key between the read and this insert.
        jdbc.sql(
                        """
                        INSERT INTO notification (health_check_id, kind, recipient,
                            recipient_role, status, created_at)
                        VALUES (?, ?, ?, ?, 'pending', ?)
                        """)
                .params(
                        checkId,
                        message.kind().code(),
                        message.recipient(),
                        message.role().code(),
                        toDb(now))
                .update();
        return NotificationStatus.PENDING;
    }

    void markSent(long checkId, Message message, Instant now) {
        update(
                checkId,
                message,
                "status = 'sent', attempts = attempts + 1, sent_at = ?",
                toDb(now));
    }

    void markFailed(long checkId, Message message, String error) {
        update(
                checkId,
                message,
                "status = 'failed', attempts = attempts + 1, last_error = ?",
                truncate(error));
    }

    void markSuppressed(long checkId, Message message, String reason) {
        update(checkId, message, "status = 'suppressed', last_error = ?", truncate(reason));
    }

    private NotificationStatus statusOf(long checkId, Message message) {
        return jdbc.sql(
                        """
                        SELECT status FROM notification
                        WHERE health_check_id = ? AND kind = ? AND recipient = ?
                        """)
                .params(checkId, message.kind().code(), message.recipient())
                .query((rs, n) -> NotificationStatus.fromCode(rs.getString(1)))
                .optional()
                .orElse(null);
    }

    private void update(long checkId, Message message, String set, Object value) {
        jdbc.sql(
                        "UPDATE notification SET "
                                + set
                                + " WHERE health_check_id = ? AND kind = ? AND recipient = ?")
                .params(value, checkId, message.kind().code(), message.recipient())
                .update();
    }

    /** Messages matching every filter that is set, newest first. */
    public Page<NotificationEntry> find(Filter filter, int page, int size) {
        return new FilteredPage()
                .and(
                        "status = :status",
                        "status",
                        filter.status() == null ? null : filter.status().code())
                .and("kind = :kind", "kind", filter.kind() == null ? null : filter.kind().code())
                .and("health_check_id = :checkId", "checkId", filter.checkId())
                .and("created_at >= :from", "from", toDb(filter.from()))
                .and("created_at < :to", "to", toDb(filter.to()))
                .read(
                        jdbc,
                        "SELECT *",
                        "FROM notification",
                        "ORDER BY created_at DESC, id DESC",
                        this::map,
                        page,
                        size);
    }

    /** How many messages of each kind and status were recorded since the given time. */
    public List<Count> countsSince(Instant since) {
        return jdbc.sql(
                        """
                        SELECT kind, status, COUNT(*) AS messages FROM notification
                        WHERE created_at >= ?
                        GROUP BY kind, status ORDER BY kind, status
                        """)
                .param(toDb(since))
                .query(
                        (rs, n) ->
                                new Count(
                                        NotificationKind.fromCode(rs.getString("kind")),
                                        NotificationStatus.fromCode(rs.getString("status")),
                                        rs.getLong("messages")))
                .list();
    }

    /** Messages recorded since the given time that are not delivered and failed at least once. */
    public List<NotificationEntry> failuresSince(Instant since) {
        return jdbc.sql(
                        """
                        SELECT * FROM notification
                        WHERE created_at >= ? AND status = 'failed'
                        ORDER BY created_at, id
                        """)
                .param(toDb(since))
                .query(this::map)
                .list();
    }

    private NotificationEntry map(ResultSet rs, int row) throws SQLException {
        return new NotificationEntry(
                rs.getLong("id"),
                rs.getLong("health_check_id"),
                rs.getString("kind"),
                rs.getString("recipient"),
                rs.getString("recipient_role"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                fromDb(rs, "created_at"),
                fromDb(rs, "sent_at"));
    }

    private static String truncate(String text) {
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }

    /** Filters of the listing; null means any. */
    public record Filter(
            NotificationStatus status,
            NotificationKind kind,
            Long checkId,
            Instant from,
            Instant to) {}

    /** One cell of the delivery report. */
    public record Count(NotificationKind kind, NotificationStatus status, long messages) {}
}
