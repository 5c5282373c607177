package clinic.healthcheck.people;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.support.ServiceTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/** What wrong passwords do to an account. */
abstract class LoginTests extends ServiceTestBase {

    @Test
    void manyWrongPasswordsSlowTheLoginDownButNeverLockTheAccount() {
        login("clumsy", "medical-staff");
        Instant now = Instant.now();

        for (int attempt = 0; attempt < 15; attempt++) {
            now = now.plus(Duration.ofMinutes(2));
            ClockUtil.setCurrentTime(Date.from(now));
            assertThat(identity.checkPassword("clumsy", "guess-" + attempt)).isFalse();
        }
        ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(2))));

        assertThat(identity.checkPassword("clumsy", PASSWORD)).isTrue();
    }
}
