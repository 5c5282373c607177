package clinic.healthcheck.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code clinic.people}: the first admin of a profile other than demo.
 *
 * @param adminUser the admin's user id, created at start-up when missing
 * @param adminPassword the password it is created with, or reset to while the stored one is still a
 *     default; empty leaves the stored one as it is
 */
@ConfigurationProperties("clinic.people")
public record PeopleProperties(@DefaultValue("admin") String adminUser, String adminPassword) {}
