package clinic.healthcheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.healthcheck.system.InvalidFieldException;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");

    @Test
    void datesCoverWholeUtcDaysWithTheLastDayIncluded() {
        Period period = Period.parse("2026-11-01", "2026-11-30", NOW);

        assertThat(period.from()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(period.to()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void timesAreReadWithTheirOffset() {
        Period period = Period.parse("2026-11-01T08:00:00+01:00", "2026-11-02T08:00:00Z", NOW);

        assertThat(period.from()).isEqualTo("2026-11-01T07:00:00Z");
        assertThat(period.to()).isEqualTo("2026-11-02T08:00:00Z");
    }

    @Test
    void withoutBoundsThePeriodIsTheSevenDaysUpToNow() {
        Period period = Period.parse(null, " ", NOW);

        assertThat(period.from()).isEqualTo("2026-11-13T10:15:00Z");
        assertThat(period.to()).isEqualTo(NOW);
    }

    @Test
    void aMonthIsItsUtcCalendarMonth() {
        Period november = Period.ofMonth(YearMonth.of(2026, 11));

        assertThat(november.from()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(november.to()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void somethingThatIsNotADateNamesItsField() {
        assertThatThrownBy(() -> Period.parse("last week", null, NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> Period.parse(null, "2026-02-30", NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void aReversedOrEmptyPeriodIsRefusedOnTo() {
        assertThatThrownBy(() -> Period.parse("2026-11-10T00:00:00Z", "2026-11-10T00:00:00Z", NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void aStartAfterNowWithoutAnEndIsRefusedOnFrom() {
        assertThatThrownBy(() -> Period.parse("2026-12-01", null, NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void aPeriodLongerThanTenYearsIsRefused() {
        assertThatThrownBy(() -> Period.parse("2010-01-01", "2026-01-01", NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void whatHasPassedOfAPeriodEndsNowWhileItRuns() {
        Period period = Period.parse("2026-11-20", "2026-11-20", NOW);

        assertThat(period.endBy(NOW)).isEqualTo(NOW);
        assertThat(period.endBy(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(period.to());
    }
}
