package clinic.healthcheck.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import clinic.healthcheck.support.ServiceTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What wrong passwords do: they slow a guesser down, never the person whose login it is. */
abstract class LoginTests extends ServiceTestBase {

    @Autowired MockMvc mvc;

    @Test
    void manyWrongPasswordsNeverLockTheAccount() {
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

    @Test
    void theRightPasswordRightAfterAWrongOneIsTakenAtOnce() throws Exception {
        login("hasty", "patients");

        mvc.perform(from("10.0.0.9", "hasty", "wrong")).andExpect(status().isUnauthorized());

        mvc.perform(from("10.0.0.9", "hasty", PASSWORD)).andExpect(status().isOk());
    }

    @Test
    void aGuesserIsPausedWhileThePersonSignsInFromTheirOwnMachine() throws Exception {
        login("dana", "medical-staff");
        for (int attempt = 0; attempt < LoginThrottle.MAX_FAILURES; attempt++) {
            mvc.perform(from("10.0.0.66", "dana", "guess-" + attempt))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(from("10.0.0.66", "dana", PASSWORD))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));

        mvc.perform(from("10.0.0.7", "dana", PASSWORD)).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder from(
            String address, String username, String password) {
        return get("/api/health-checks")
                .with(httpBasic(username, password))
                .with(
                        request -> {
                            request.setRemoteAddr(address);
                            return request;
                        });
    }
}
