package clinic.healthcheck.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.healthcheck.assignment.AssignmentProperties.Sweep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"R/PT5M", "R/PT30S", "0 0/5 * * * ?"})
    void aSweepCycleTheEngineCanReadIsTaken(String cycle) {
        assertThat(new Sweep(cycle, true).cycle()).isEqualTo(cycle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"every five minutes", "PT5M5", "R/5M"})
    void aSweepCycleTheEngineCannotReadStopsTheStartWithItsName(String cycle) {
        assertThatThrownBy(() -> new Sweep(cycle, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SWEEP_CYCLE")
                .hasMessageContaining(cycle);
    }
}
