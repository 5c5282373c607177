package clinic.healthcheck.notification;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckNotFoundException;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.system.EngineTransactions;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Delivers the messages of one notify step, each at most once. Every message is recorded before it
 * goes out, and its outcome (sent, failed, suppressed) is committed in a transaction of its own at
 * once, so a retry of the step, or a failure later in the same job, never sends it again. A failed
 * send is rethrown after the other recipients had their turn, so the engine retries the step and,
 * when the tries run out, raises an incident in Cockpit.
 */
@Service
public class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final HealthCheckRepository checks;
    private final MessageComposer composer;
    private final Mailbox mailbox;
    private final NotificationRepository notifications;
    private final EngineTransactions transactions;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifier(
            HealthCheckRepository checks,
            MessageComposer composer,
            Mailbox mailbox,
            NotificationRepository notifications,
            EngineTransactions transactions,
            NotificationProperties properties,
            Clock clock) {
        this.checks = checks;
        this.composer = composer;
        this.mailbox = mailbox;
        this.notifications = notifications;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    public void deliver(long checkId, NotificationKind kind, Boolean followUpNeeded) {
        HealthCheck check =
                checks.findById(checkId)
                        .orElseThrow(() -> new HealthCheckNotFoundException(checkId));
        List<Message> messages = composer.compose(check, kind, followUpNeeded);

        RuntimeException failure = null;
        for (Message message : messages) {
            try {
                deliver(check, message);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void deliver(HealthCheck check, Message message) {
        long checkId = check.id();
        NotificationStatus status =
                transactions.inNewTransaction(
                        () -> notifications.open(checkId, message, clock.instant()));
        if (status.isFinal()) {
            LOG.info(
                    "Notification {} for health check {} to {} already {}, skipped",
                    message.kind().code(),
                    checkId,
                    message.role().code(),
                    status.code());
            return;
        }

        String suppressedBecause = suppressionReason(check, message);
        if (suppressedBecause != null) {
            record(() -> notifications.markSuppressed(checkId, message, suppressedBecause));
            LOG.info(
                    "Notification {} for health check {} to {} recorded, not mailed: {}",
                    message.kind().code(),
                    checkId,
                    message.role().code(),
                    suppressedBecause);
            return;
        }

        try {
            mailbox.send(message);
        } catch (RuntimeException e) {
            String error = MailErrors.describe(e);
            record(() -> notifications.markFailed(checkId, message, error));
            LOG.warn(
                    "Notification {} for health check {} to {} failed, the step will be"
                            + " retried: {}",
                    message.kind().code(),
                    checkId,
                    message.role().code(),
                    error);
            throw new MailNotDeliveredException(checkId, message, error);
        }
        record(() -> notifications.markSent(checkId, message, clock.instant()));
        LOG.info(
                "Notification {} for health check {} mailed to {}",
                message.kind().code(),
                checkId,
                message.role().code());
    }

    /** Why this message must not go out, or null when it may. */
    private String suppressionReason(HealthCheck check, Message message) {
        if (!properties.enabled()) {
            return "mail is switched off (clinic.notifications.enabled=false)";
        }
        if (message.role() == RecipientRole.PATIENT && check.mailOptOut()) {
            return "the patient opted out of mail";
        }
        if (message.recipient().isEmpty()) {
            return "no e-mail address";
        }
        if (message.kind() == NotificationKind.SERVICE_LEVEL_BREACHED
                && check.status() != CheckStatus.PENDING) {
            return "the check no longer waits (" + check.status().code() + ")";
        }
        if (!mailbox.connected()) {
            return "no SMTP host configured (spring.mail.host)";
        }
        return null;
    }

    private void record(Runnable change) {
        transactions.inNewTransaction(
                () -> {
                    change.run();
                    return null;
                });
    }
}
