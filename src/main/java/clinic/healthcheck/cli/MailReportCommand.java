package clinic.healthcheck.cli;

import clinic.healthcheck.notification.NotificationEntry;
import clinic.healthcheck.notification.NotificationKind;
import clinic.healthcheck.notification.NotificationRepository;
import clinic.healthcheck.notification.NotificationRepository.Count;
import clinic.healthcheck.notification.NotificationStatus;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Prints how mail fared over a period: per kind, how many messages were sent, held back, are
 * pending or failed, then every failed message with its last error. Recipients appear by role only,
 * so the report can be pasted into a ticket.
 */
@Component
class MailReportCommand {

    private final NotificationRepository notifications;
    private final Clock clock;

    MailReportCommand(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Returns the exit code: 0 nothing failed, 1 some messages failed. */
    int run(int sinceDays, PrintStream out) {
        Instant since = clock.instant().minus(Duration.ofDays(sinceDays));
        List<Count> counts = notifications.countsSince(since);
        List<NotificationEntry> failures = notifications.failuresSince(since);

        out.printf("Mail delivery since %s (%d days)%n%n", since, sinceDays);
        out.printf(
                "%-24s %8s %8s %8s %10s %8s%n",
                "kind", "sent", "failed", "pending", "suppressed", "total");
        Map<NotificationKind, Map<NotificationStatus, Long>> table = table(counts);
        long[] totals = new long[NotificationStatus.values().length];
        for (NotificationKind kind : NotificationKind.values()) {
            Map<NotificationStatus, Long> row = table.get(kind);
            long sum = row.values().stream().mapToLong(Long::longValue).sum();
            out.printf(
                    "%-24s %8d %8d %8d %10d %8d%n",
                    kind.code(),
                    row.get(NotificationStatus.SENT),
                    row.get(NotificationStatus.FAILED),
                    row.get(NotificationStatus.PENDING),
                    row.get(NotificationStatus.SUPPRESSED),
                    sum);
            row.forEach((status, n) -> totals[status.ordinal()] += n);
        }
        out.printf(
                "%-24s %8d %8d %8d %10d %8d%n",
                "all",
                totals[NotificationStatus.SENT.ordinal()],
                totals[NotificationStatus.FAILED.ordinal()],
                totals[NotificationStatus.PENDING.ordinal()],
                totals[NotificationStatus.SUPPRESSED.ordinal()],
                Arrays.stream(totals).sum());

        if (failures.isEmpty()) {
            out.printf("%nNo failed messages.%n");
            return 0;
        }
        out.printf("%nFailed messages (%d):%n", failures.size());
        for (NotificationEntry failure : failures) {
            out.printf(
                    "  check %d %s to %s, %d attempt%s, last error: %s%n",
                    failure.healthCheckId(),
                    failure.kind(),
                    failure.recipientRole(),
                    failure.attempts(),
                    failure.attempts() == 1 ? "" : "s",
                    failure.lastError());
        }
        return 1;
    }

    private static Map<NotificationKind, Map<NotificationStatus, Long>> table(List<Count> counts) {
        Map<NotificationKind, Map<NotificationStatus, Long>> table =
                new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            Map<NotificationStatus, Long> row = new EnumMap<>(NotificationStatus.class);
            for (NotificationStatus status : NotificationStatus.values()) {
                row.put(status, 0L);
            }
            table.put(kind, row);
        }
        for (Count count : counts) {
            table.get(count.kind()).put(count.status(), count.messages());
        }
        return table;
    }
}
