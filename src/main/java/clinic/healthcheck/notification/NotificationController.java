package clinic.healthcheck.notification;

import clinic.healthcheck.system.InvalidFieldException;
import clinic.healthcheck.system.Page;
import clinic.healthcheck.system.Paging;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record of every message, for admins: what went out, what was held back, what failed. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final NotificationRepository notifications;

    NotificationController(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Page<NotificationEntry> find(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Long checkId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        NotificationStatus wantedStatus = NotificationStatus.fromCode(status);
        if (status != null && wantedStatus == null) {
            throw new InvalidFieldException(
                    "status", "must be one of pending, sent, failed, suppressed");
        }
        NotificationKind wantedKind = NotificationKind.fromCode(kind);
        if (kind != null && wantedKind == null) {
            throw new InvalidFieldException(
                    "kind",
                    "must be one of consultant_assigned, consultation_started, check_completed,"
                            + " check_cancelled, service_level_breached");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        return notifications.find(
                new NotificationRepository.Filter(wantedStatus, wantedKind, checkId, from, to),
                page,
                size);
    }
}
