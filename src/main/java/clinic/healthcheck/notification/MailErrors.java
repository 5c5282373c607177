package clinic.healthcheck.notification;

import java.util.regex.Pattern;
import org.springframework.mail.MailSendException;

/**
 * Describes a failed send for the notification table and the log: the innermost cause's class and a
 * short message with every e-mail address masked, since SMTP servers quote the recipient.
 */
final class MailErrors {

    private static final Pattern ADDRESS =
            Pattern.compile("[^\\s<>\"'()\\[\\],;:]+@[^\\s<>\"'()\\[\\],;:]+");
    private static final int MESSAGE_LENGTH = 200;

    static String describe(Throwable failure) {
        Throwable root = failure;
        if (failure instanceof MailSendException send
                && send.getCause() == null
                && send.getMessageExceptions().length > 0) {
            // the sender keeps what went wrong per message, not as the cause
            root = send.getMessageExceptions()[0];
        }
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        message = ADDRESS.matcher(message).replaceAll("<address>").replaceAll("\\s+", " ");
        if (message.length() > MESSAGE_LENGTH) {
            message = message.substring(0, MESSAGE_LENGTH) + "...";
        }
        return root.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }

    private MailErrors() {}
}
