package clinic.healthcheck.notification;

import java.time.Instant;

/** One recorded message, as admins list it; codes in lower case, times in UTC. */
public record NotificationEntry(
        long id,
        long healthCheckId,
        String kind,
        String recipient,
        String recipientRole,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
