package clinic.healthcheck.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

class ConcurrentChangeTest {

    @Test
    void aCommandRefusedOnceForAConcurrentChangeRunsAgainAndSucceeds() {
        var tries = new AtomicInteger();

        ConcurrentChange.retry(
                "complete",
                () -> {
                    if (tries.incrementAndGet() == 1) {
                        throw new OptimisticLockingException("a notify job committed first");
                    }
                });

        assertThat(tries).hasValue(2);
    }

    @Test
    void aCommandRefusedEveryTimeGivesUpAfterItsTries() {
        var tries = new AtomicInteger();

        assertThatThrownBy(
                        () ->
                                ConcurrentChange.retry(
                                        "complete",
                                        () -> {
                                            tries.incrementAndGet();
                                            throw new OptimisticLockingException("busy");
                                        }))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(tries).hasValue(ConcurrentChange.TRIES);
    }

    @Test
    void anyOtherFailureIsNotTriedAgain() {
        var tries = new AtomicInteger();

        assertThatThrownBy(
                        () ->
                                ConcurrentChange.retry(
                                        "cancel",
                                        () -> {
                                            tries.incrementAndGet();
                                            throw new IllegalStateException("not open");
                                        }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tries).hasValue(1);
    }
}
