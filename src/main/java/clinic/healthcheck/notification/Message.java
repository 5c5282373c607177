package clinic.healthcheck.notification;

/**
 * One composed mail: a plain-text body and its HTML alternative. {@code recipient} is empty when
 * the person has no address; such a message is recorded, never sent.
 */
record Message(
        NotificationKind kind,
        RecipientRole role,
        String recipient,
        String subject,
        String text,
        String html) {}
