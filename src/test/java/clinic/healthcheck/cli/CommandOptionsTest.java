package clinic.healthcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.healthcheck.cli.CommandOptions.UsageError;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

    private static CommandOptions read(String... words) throws UsageError {
        return CommandOptions.read(
                List.of(words), "report", Set.of("--csv"), Set.of("--since-days", "--month"));
    }

    @Test
    void flagsAndValuesAreReadAfterTheCommand() throws UsageError {
        var options = read("report", "--since-days", "14", "--csv");

        assertThat(options.has("--csv")).isTrue();
        assertThat(options.days("--since-days", 7)).isEqualTo(14);
        assertThat(options.month("--month", YearMonth.of(2026, 10)))
                .isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> read("report", "--since", "3"))
                .isInstanceOf(UsageError.class)
                .hasMessage("unknown option --since");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThatThrownBy(() -> read("report", "--since-days"))
                .isInstanceOf(UsageError.class)
                .hasMessage("--since-days needs a value");
    }

    @Test
    void daysOutsideOneToTenYearsOrNotANumberAreRefused() throws UsageError {
        for (String days : List.of("0", "3651", "seven", "-1")) {
            var options = read("report", "--since-days", days);
            assertThatThrownBy(() -> options.days("--since-days", 7))
                    .isInstanceOf(UsageError.class)
                    .hasMessageContaining("from 1 to 3650")
                    .hasMessageContaining(days);
        }
    }

    @Test
    void aMonthMustReadLikeTwentyTwentySixDashEleven() throws UsageError {
        assertThat(read("report", "--month", "2026-11").month("--month", null))
                .isEqualTo(YearMonth.of(2026, 11));
        var options = read("report", "--month", "11/2026");
        assertThatThrownBy(() -> options.month("--month", null))
                .isInstanceOf(UsageError.class)
                .hasMessage("--month must be a month such as 2026-11, not '11/2026'");
    }
}
