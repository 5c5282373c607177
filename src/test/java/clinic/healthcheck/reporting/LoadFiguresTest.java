package clinic.healthcheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.reporting.AnalyticsRepository.ConsultantActivity;
import clinic.healthcheck.reporting.Figures.ConsultantLoad;
import clinic.healthcheck.reporting.Figures.GroupLoad;
import clinic.healthcheck.reporting.Figures.Utilization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadFiguresTest {

    private static final long DAY = 86_400;

    private static ConsultantActivity consultant(
            String username,
            String specialization,
            String status,
            int current,
            int max,
            long held) {
        return new ConsultantActivity(
                username, null, specialization, status, current, max, null, held, 0, 0);
    }

    @Test
    void averageLoadIsHeldTimeOverElapsedTimeAndUtilizationThatOverTheMaximum() {
        Utilization utilization =
                LoadFigures.of(
                        List.of(consultant("ann", "Medical", "available", 1, 4, DAY)),
                        Map.of(),
                        2 * DAY);

        ConsultantLoad ann = utilization.byConsultant().get(0);
        assertThat(ann.averageLoad()).isEqualTo(0.5);
        assertThat(ann.averageUtilization()).isEqualTo(0.125);
        assertThat(ann.currentUtilization()).isEqualTo(0.25);
        assertThat(ann.freeSlots()).isEqualTo(3);
    }

    @Test
    void aConsultantWithAMaximumOfZeroHasNoUtilization() {
        Utilization utilization =
                LoadFigures.of(
                        List.of(consultant("bo", "Medical", "available", 0, 0, 0)), Map.of(), DAY);

        ConsultantLoad bo = utilization.byConsultant().get(0);
        assertThat(bo.currentUtilization()).isNull();
        assertThat(bo.averageUtilization()).isNull();
        assertThat(bo.averageLoad()).isZero();
        assertThat(bo.freeSlots()).isZero();
    }

    @Test
    void nothingHasElapsedOfAPeriodThatHasNotBegun() {
        Utilization utilization =
                LoadFigures.of(
                        List.of(consultant("ann", "Medical", "available", 1, 4, 0)), Map.of(), 0);

        assertThat(utilization.byConsultant().get(0).averageUtilization()).isNull();
        assertThat(utilization.byConsultant().get(0).averageLoad()).isZero();
    }

    @Test
    void groupsSumSecondsAndSlotsAcrossSpellingsOfASpecialization() {
        Utilization utilization =
                LoadFigures.of(
                        List.of(
                                consultant("ann", "medical", "available", 1, 1, DAY),
                                consultant("bo", "Medical ", "available", 0, 0, 0),
                                consultant("cy", "Medical", "break", 2, 3, DAY / 2)),
                        Map.of("ann", "medical-staff", "cy", "medical-staff"),
                        DAY);

        assertThat(utilization.bySpecialization()).hasSize(1);
        GroupLoad medical = utilization.bySpecialization().get(0);
        assertThat(medical.name()).isEqualTo("Medical");
        assertThat(medical.consultants()).isEqualTo(3);
        assertThat(medical.max()).isEqualTo(4);
        assertThat(medical.current()).isEqualTo(3);
        // cy is on a break: her room is not free to take
        assertThat(medical.freeSlots()).isZero();
        assertThat(medical.averageLoad()).isEqualTo(1.5);
        assertThat(medical.averageUtilization()).isEqualTo(0.375);
        assertThat(utilization.byRole())
                .extracting(GroupLoad::name)
                .containsExactly("medical-staff", LoadFigures.NO_LOGIN);
        assertThat(utilization.byRole().get(1).averageUtilization()).isNull();
    }
}
