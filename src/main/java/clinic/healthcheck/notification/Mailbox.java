package clinic.healthcheck.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The way out to the SMTP server. Spring Boot sets up a mail sender only when {@code
 * spring.mail.host} is set; without one the service runs on and messages are recorded, not sent.
 */
@Component
class Mailbox {

    private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);

    private final JavaMailSender sender;
    private final String server;
    private final NotificationProperties properties;

    @Autowired
    Mailbox(
            ObjectProvider<JavaMailSender> sender,
            ObjectProvider<MailProperties> mail,
            NotificationProperties properties) {
        this(
                sender.getIfAvailable(),
                mail.getIfAvailable() == null
                        ? null
                        : mail.getIfAvailable().getHost() + ":" + mail.getIfAvailable().getPort(),
                properties);
    }

    /**
     * @param sender null when no SMTP host is configured
     * @param server host and port, for the start-up line of the log
     */
    Mailbox(JavaMailSender sender, String server, NotificationProperties properties) {
        this.sender = sender;
        this.server = server;
        this.properties = properties;
    }

    /** False when no SMTP host is configured. */
    boolean connected() {
        return sender != null;
    }

    /** Hands the message to the SMTP server; throws when the server does not take it. */
    void send(Message message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.sender());
            helper.setReplyTo(properties.contact());
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(mime);
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellHowMailLeaves() {
        if (!properties.enabled()) {
            LOG.info(
                    "Mail is switched off (clinic.notifications.enabled=false):"
                            + " notifications are recorded as suppressed");
        } else if (!connected()) {
            LOG.info(
                    "No SMTP host configured (spring.mail.host): notifications are recorded"
                            + " and logged by kind and check id, not mailed");
        } else {
            LOG.info("Notifications are mailed through {}", server);
        }
    }
}
