package clinic.healthcheck.notification;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.Priority.URGENT;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.support.ServiceTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded default: no SMTP host configured, so messages are recorded, never sent. */
abstract class MailWithoutSmtpTests extends ServiceTestBase {

    @Test
    void withoutAnSmtpHostEveryMessageIsRecordedAsSuppressedAndTheCheckMovesOn() {
        login("pat", "patients");
        consultant("carla", "Medical Staff", "", 2, "4.5", AVAILABLE);

        HealthCheck check = request("pat", MEDICAL, URGENT);
        runJobs();

        assertThat(check(check.id()).status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(
                        jdbc.queryForList(
                                "SELECT recipient_role, status, last_error FROM notification"
                                        + " WHERE health_check_id = ? ORDER BY recipient_role",
                                check.id()))
                .extracting(row -> row.values().stream().map(String::valueOf).toList())
                .containsExactly(
                        List.of(
                                "consultant",
                                "suppressed",
                                "no SMTP host configured (spring.mail.host)"),
                        List.of(
                                "patient",
                                "suppressed",
                                "no SMTP host configured (spring.mail.host)"));
        assertThat(management.createJobQuery().withException().count()).isZero();
    }
}
