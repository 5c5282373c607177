package clinic.healthcheck.reporting;

import clinic.healthcheck.system.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The stretch of time a set of figures covers: from its start (included) to its end (not). */
public record Period(Instant from, Instant to) {

    /** Ten years: long enough for any report, short enough to keep the time series small. */
    public static final Duration LONGEST = Duration.ofDays(3660);

    static final Duration DEFAULT_LENGTH = Duration.ofDays(7);

    public Period {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    /** The days before {@code now}, up to now. */
    public static Period lastDays(int days, Instant now) {
        return new Period(now.minus(Duration.ofDays(days)), now);
    }

    /** A calendar month in UTC. */
    public static Period ofMonth(YearMonth month) {
        return new Period(
                month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /**
     * Reads the {@code from} and {@code to} parameters of a request. Each is an ISO-8601 instant
     * ({@code 2026-11-01T08:00:00Z}, or with an offset) or a date, taken as a whole UTC day: a date
     * in {@code from} starts at its midnight, a date in {@code to} includes that day. Without
     * {@code to} the period ends now; without {@code from} it covers the seven days before its end.
     */
    public static Period parse(String from, String to, Instant now) {
        Instant end = isBlank(to) ? now.truncatedTo(ChronoUnit.SECONDS) : instant("to", to, true);
        Instant start = isBlank(from) ? end.minus(DEFAULT_LENGTH) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw isBlank(to)
                    ? new InvalidFieldException("from", "must be before now (" + end + ")")
                    : new InvalidFieldException("to", "must be after from (" + start + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidFieldException(
                    "from", "the period may span at most " + LONGEST.toDays() + " days");
        }
        return new Period(start, end);
    }

    /** The part of the period that has passed by {@code now}. */
    public Instant endBy(Instant now) {
        return to.isAfter(now) ? now : to;
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    private static Instant instant(String field, String text, boolean endOfDay) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field,
                    "'"
                            + value
                            + "' is not an ISO-8601 date (2026-11-01) or time"
                            + " (2026-11-01T08:00:00Z)");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
