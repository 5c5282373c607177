package clinic.healthcheck.notification;

import clinic.healthcheck.assignment.WaitReason;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.people.Directory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Composes the messages of one kind about one check, one per recipient, from the templates. What
 * people wrote about the patient's health goes in only when the settings allow it.
 */
@Component
class MessageComposer {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ConsultantRepository consultants;
    private final Directory directory;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final Clock clock;

    MessageComposer(
            ConsultantRepository consultants,
            Directory directory,
            MailTemplates templates,
            NotificationProperties properties,
            Clock clock) {
        this.consultants = consultants;
        this.directory = directory;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    List<Message> compose(HealthCheck check, NotificationKind kind, Boolean followUpNeeded) {
        Consultant consultant =
                check.consultantId() == null
                        ? null
                        : consultants.findById(check.consultantId()).orElse(null);
        Map<String, Object> model = model(check, consultant, followUpNeeded);

        List<Message> messages = new ArrayList<>();
        for (RecipientRole role : kind.audience()) {
            for (String address : addresses(role, check, consultant)) {
                String template = kind.template(role);
                messages.add(
                        new Message(
                                kind,
                                role,
                                address,
                                subject(kind, role, check.id()),
                                templates.text(template, model),
                                templates.html(template, model)));
            }
        }
        return messages;
    }

    /** Each role's addresses; an empty address stands for a person who has none. */
    private List<String> addresses(RecipientRole role, HealthCheck check, Consultant consultant) {
        return switch (role) {
            case PATIENT ->
                    List.of(
                            firstNonBlank(
                                    check.patientEmail(),
                                    directory.emailOf(check.patientUsername()).orElse(null)));
            case CONSULTANT ->
                    consultant == null
                            ? List.of()
                            : List.of(
                                    firstNonBlank(
                                            consultant.email(),
                                            directory.emailOf(consultant.username()).orElse(null)));
            case MANAGER -> {
                List<String> managers = directory.emailsOfGroup(properties.managersGroup());
                yield managers.isEmpty()
                        ? List.of(firstNonBlank(properties.managersFallback()))
                        : managers;
            }
        };
    }

    private String subject(NotificationKind kind, RecipientRole role, long checkId) {
        String about =
                switch (kind) {
                    case CONSULTANT_ASSIGNED ->
                            role == RecipientRole.PATIENT
                                    ? "a consultant is assigned to your health check"
                                    : "a health check is assigned to you";
                    case CONSULTATION_STARTED -> "your consultation is starting";
                    case CHECK_COMPLETED ->
                            role == RecipientRole.PATIENT
                                    ? "your health check is complete"
                                    : "your consultation is recorded";
                    case CHECK_CANCELLED -> "your health check is cancelled";
                    case SERVICE_LEVEL_BREACHED ->
                            "a health check has waited past its service level";
                };
        return properties.siteName() + ": " + about + " (#" + checkId + ")";
    }

    private Map<String, Object> model(
            HealthCheck check, Consultant consultant, Boolean followUpNeeded) {
        Instant now = clock.instant();
        var model = new HashMap<String, Object>();
        model.put("site", properties.siteName());
        model.put("contact", properties.contact());
        model.put("checkId", check.id());
        model.put("checkType", check.checkType().code().replace('_', '-'));
        model.put("priority", check.priority().code());
        model.put("patientName", directory.firstNameOf(check.patientUsername()).orElse(null));
        model.put("followUpNeeded", followUpNeeded);
        model.put("requestedAt", TIME.format(check.createdAt()));
        model.put("waitingFor", words(Duration.between(check.createdAt(), now)));
        model.put("dueAt", check.dueAt() == null ? null : TIME.format(check.dueAt()));
        model.put("waitReason", waitReason(check.waitReason()));

        if (consultant != null) {
            model.put(
                    "consultantName",
                    firstNonBlank(
                            consultant.fullName(),
                            directory.fullNameOf(consultant.username()).orElse(null),
                            consultant.username()));
            model.put("specialization", consultant.specialization());
            model.put(
                    "rating",
                    consultant.averageRating() == null
                            ? null
                            : consultant.averageRating().toPlainString());
        }

        boolean clinical = properties.includeClinicalText();
        model.put("clinicalTextIncluded", clinical);
        if (clinical) {
            model.put("notes", check.consultantNotes());
            model.put("recommendations", check.recommendations());
            model.put("cancelReason", check.cancelReason());
        }
        return model;
    }

    private static String waitReason(String code) {
        if (code == null) {
            return "no assignment attempt has recorded a reason yet";
        }
        try {
            return WaitReason.valueOf(code.trim().toUpperCase(Locale.ROOT)).explanation();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** "2 days 3 hours", "5 hours 12 minutes", "40 minutes": precise enough for a person. */
    static String words(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (mins > 0 ? " " + plural(mins, "minute") : "");
        }
        return plural(mins, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return "";
    }
}
