package clinic.healthcheck.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the service is doing, as managers read it: what waits now, and over a period how fast each
 * priority was assigned against its due time, who carried how much, and why checks waited. A share,
 * a percentile or a utilization that has nothing to divide or rank is null, never 0: an empty
 * period or a consultant with a maximum of 0 have none. Durations are whole seconds.
 *
 * @param asOf the moment the figures were read; "now" in every figure that speaks of now
 */
@JsonInclude(Include.ALWAYS)
public record Figures(
        Instant from,
        Instant to,
        Instant asOf,
        Pending pending,
        Requests requests,
        Assignments assignments,
        List<TimeToAssign> timeToAssign,
        Breaches breaches,
        TimeToComplete timeToComplete,
        Utilization utilization,
        List<Waits> waits,
        List<Attempts> attempts,
        List<Errors> errors) {

    /** Checks pending now, whatever the period, with those already past their due time. */
    @JsonInclude(Include.ALWAYS)
    public record Pending(
            long total,
            long overdue,
            List<PendingByPriority> byPriority,
            Map<String, Long> byReason) {}

    @JsonInclude(Include.ALWAYS)
    public record PendingByPriority(
            String priority, long checks, long overdue, Instant oldestRequestedAt) {}

    /** Checks requested in the period: the priority and check-type mix. */
    @JsonInclude(Include.ALWAYS)
    public record Requests(
            long total, Map<String, Long> byPriority, Map<String, Long> byCheckType) {}

    /**
     * Assignments made in the period, automatic (by the service) or manual, and per time bucket (an
     * hour, a day or a week, by the period's length) from the period's start.
     */
    @JsonInclude(Include.ALWAYS)
    public record Assignments(
            long total,
            long automatic,
            long manual,
            Double automaticShare,
            String bucket,
            List<Bucket> overTime) {}

    @JsonInclude(Include.ALWAYS)
    public record Bucket(Instant start, long automatic, long manual) {}

    /** Nearest-rank percentiles: p90 is the shortest time within which 90% of them fell. */
    @JsonInclude(Include.ALWAYS)
    public record Spread(long count, Long p50Seconds, Long p90Seconds, Long maxSeconds) {}

    /**
     * Of the checks of one priority requested in the period: how long those assigned took, the due
     * times the service-level table gave them, and how many missed theirs. A check breached when it
     * was assigned after its due time, or is still waiting past it, or was cancelled while waiting
     * past it.
     */
    @JsonInclude(Include.ALWAYS)
    public record TimeToAssign(
            String priority,
            long requested,
            Spread assigned,
            Long dueWithinMinSeconds,
            Long dueWithinMaxSeconds,
            long withDueTime,
            long breached,
            Double breachShare,
            long waitingPastDue) {}

    /** The breaches of every priority together; the share is of the checks with a due time. */
    @JsonInclude(Include.ALWAYS)
    public record Breaches(long withDueTime, long breached, Double share, long waitingPastDue) {}

    /** From assignment to completion, for the checks completed in the period. */
    @JsonInclude(Include.ALWAYS)
    public record TimeToComplete(Spread all, Map<String, Spread> byPriority) {}

    /**
     * Load now ({@code current} of {@code max}, carried load included) and over the period: the
     * average load is the time-weighted number of checks held at once (each from its assignment to
     * its completion or cancellation, within the part of the period that has passed), and the
     * average utilization that load over the maximum as it stands now.
     */
    @JsonInclude(Include.ALWAYS)
    public record Utilization(
            List<ConsultantLoad> byConsultant,
            List<GroupLoad> bySpecialization,
            List<GroupLoad> byRole) {}

    @JsonInclude(Include.ALWAYS)
    public record ConsultantLoad(
            String username,
            String name,
            String specialization,
            String role,
            String status,
            int current,
            int max,
            int freeSlots,
            Double currentUtilization,
            double averageLoad,
            Double averageUtilization,
            long assigned,
            long completed,
            BigDecimal rating) {}

    @JsonInclude(Include.ALWAYS)
    public record GroupLoad(
            String name,
            int consultants,
            int current,
            int max,
            int freeSlots,
            Double currentUtilization,
            double averageLoad,
            Double averageUtilization) {}

    /** Checks that waited in the period because nobody fitted, by the reason and check type. */
    @JsonInclude(Include.ALWAYS)
    public record Waits(
            String reason,
            String explanation,
            long attempts,
            long checks,
            Map<String, Long> checksByCheckType) {}

    /** Audited assignment attempts in the period by result: success, no_available, error. */
    @JsonInclude(Include.ALWAYS)
    public record Attempts(String result, long attempts, long checks) {}

    /** Failed attempts in the period by what failed (an exception class, no patient data). */
    @JsonInclude(Include.ALWAYS)
    public record Errors(String message, long attempts, long checks, Instant last) {}
}
