package clinic.healthcheck.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code clinic.notifications}. The SMTP server itself is Spring Boot's {@code
 * spring.mail.*}; without {@code spring.mail.host} messages are recorded and logged, not sent.
 *
 * @param enabled false switches mail off as a whole: messages are recorded as suppressed
 * @param includeClinicalText true puts consultants' notes, recommendations and cancel reasons into
 *     mail; by default mail only says where to read them
 * @param siteName the clinic's name, in subjects and signatures
 * @param sender the From address
 * @param contact the address patients may write to, shown in every message and set as Reply-To
 * @param managersGroup the identity service's group whose members hear of breached service levels
 * @param managersFallback where breach alerts go when no member of that group has an address
 */
@ConfigurationProperties("clinic.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean includeClinicalText,
        @DefaultValue("Health checks") String siteName,
        @DefaultValue("no-reply@clinic.example") String sender,
        @DefaultValue("care@clinic.example") String contact,
        @DefaultValue("managers") String managersGroup,
        String managersFallback) {}
