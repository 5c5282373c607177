package clinic.healthcheck.reporting;

import clinic.healthcheck.assignment.AssignmentLogEntry;
import clinic.healthcheck.assignment.WaitReason;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.people.Directory;
import clinic.healthcheck.people.Role;
import clinic.healthcheck.reporting.AnalyticsRepository.BucketCount;
import clinic.healthcheck.reporting.AnalyticsRepository.DueCount;
import clinic.healthcheck.reporting.AnalyticsRepository.MixCount;
import clinic.healthcheck.reporting.AnalyticsRepository.PendingCount;
import clinic.healthcheck.reporting.AnalyticsRepository.WaitCount;
import clinic.healthcheck.reporting.Figures.Assignments;
import clinic.healthcheck.reporting.Figures.Attempts;
import clinic.healthcheck.reporting.Figures.Breaches;
import clinic.healthcheck.reporting.Figures.Bucket;
import clinic.healthcheck.reporting.Figures.Pending;
import clinic.healthcheck.reporting.Figures.PendingByPriority;
import clinic.healthcheck.reporting.Figures.Requests;
import clinic.healthcheck.reporting.Figures.Spread;
import clinic.healthcheck.reporting.Figures.TimeToAssign;
import clinic.healthcheck.reporting.Figures.TimeToComplete;
import clinic.healthcheck.reporting.Figures.Waits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the figures for a period: the one source of the analytics API, the Cockpit view and the
 * command-line reports, so all three always agree. Every query runs in one read-only transaction
 * with repeatable reads, so the figures describe one moment even while assignments go on.
 */
@Service
public class Analytics {

    /** Pending checks that no attempt has been made for yet, in {@link Pending#byReason()}. */
    static final String NOT_YET_TRIED = "not_yet_tried";

    private static final Spread NONE = new Spread(0, null, null, null);

    private final AnalyticsRepository repository;
    private final Directory directory;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    Analytics(
            AnalyticsRepository repository,
            Directory directory,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    public Figures figures(Period period) {
        return figures(period, clock.instant());
    }

    Figures figures(Period period, Instant now) {
        return snapshot.execute(status -> read(period, now));
    }

    private Figures read(Period period, Instant now) {
        Map<Priority, DueCount> due = repository.dueTimes(period, now);
        Map<Priority, Spread> toAssign = repository.timeToAssign(period);
        List<TimeToAssign> timeToAssign = new ArrayList<>();
        for (Priority priority : Priority.values()) {
            timeToAssign.add(
                    timeToAssign(
                            priority,
                            due.getOrDefault(priority, new DueCount(0, 0, 0, 0, null, null)),
                            toAssign.getOrDefault(priority, NONE)));
        }

        long elapsed = Duration.between(period.from(), period.endBy(now)).toSeconds();
        return new Figures(
                period.from(),
                period.to(),
                now,
                pending(now),
                requests(period),
                assignments(period),
                timeToAssign,
                breaches(timeToAssign),
                timeToComplete(period),
                LoadFigures.of(
                        repository.consultantActivity(period, period.endBy(now)),
                        consultantRoles(),
                        Math.max(0, elapsed)),
                waits(period),
                attempts(period),
                repository.errors(period));
    }

    private Pending pending(Instant now) {
        List<PendingByPriority> byPriority = new ArrayList<>();
        long total = 0;
        long overdue = 0;
        for (Map.Entry<Priority, PendingCount> entry :
                repository.pendingByPriority(now).entrySet()) {
            PendingCount count = entry.getValue();
            byPriority.add(
                    new PendingByPriority(
                            entry.getKey().code(),
                            count.checks(),
                            count.overdue(),
                            count.oldestRequestedAt()));
            total += count.checks();
            overdue += count.overdue();
        }

        Map<String, Long> byReason = new LinkedHashMap<>();
        repository
                .pendingByReason()
                .forEach(
                        (reason, checks) ->
                                byReason.merge(
                                        reason == null ? NOT_YET_TRIED : reason,
                                        checks,
                                        Long::sum));
        return new Pending(total, overdue, byPriority, byReason);
    }

    private Requests requests(Period period) {
        Map<String, Long> byPriority = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            byPriority.put(priority.code(), 0L);
        }
        Map<String, Long> byCheckType = new LinkedHashMap<>();
        for (CheckType type : CheckType.values()) {
            byCheckType.put(type.code(), 0L);
        }

        long total = 0;
        for (MixCount count : repository.requestMix(period)) {
            byPriority.merge(count.priority().code(), count.checks(), Long::sum);
            byCheckType.merge(count.checkType().code(), count.checks(), Long::sum);
            total += count.checks();
        }
        return new Requests(total, byPriority, byCheckType);
    }

    private Assignments assignments(Period period) {
        Duration bucket = bucketFor(period.length());
        int slots =
                (int) ((period.length().toSeconds() + bucket.toSeconds() - 1) / bucket.toSeconds());
        long[] automatic = new long[slots];
        long[] manual = new long[slots];
        for (BucketCount count : repository.assignmentsOverTime(period, bucket)) {
            automatic[count.slot()] = count.automatic();
            manual[count.slot()] = count.manual();
        }

        List<Bucket> overTime = new ArrayList<>();
        long totalAutomatic = 0;
        long totalManual = 0;
        for (int slot = 0; slot < slots; slot++) {
            overTime.add(
                    new Bucket(
                            period.from().plus(bucket.multipliedBy(slot)),
                            automatic[slot],
                            manual[slot]));
            totalAutomatic += automatic[slot];
            totalManual += manual[slot];
        }
        long total = totalAutomatic + totalManual;
        return new Assignments(
                total,
                totalAutomatic,
                totalManual,
                Ratios.share(totalAutomatic, total),
                bucketName(bucket),
                overTime);
    }

    /** Hours for a day or two, days up to a quarter, weeks beyond: a readable number of bars. */
    static Duration bucketFor(Duration length) {
        if (length.compareTo(Duration.ofDays(2)) <= 0) {
            return Duration.ofHours(1);
        }
        if (length.compareTo(Duration.ofDays(92)) <= 0) {
            return Duration.ofDays(1);
        }
        return Duration.ofDays(7);
    }

    private static String bucketName(Duration bucket) {
        if (bucket.equals(Duration.ofHours(1))) {
            return "hour";
        }
        return bucket.equals(Duration.ofDays(1)) ? "day" : "week";
    }

    private static TimeToAssign timeToAssign(Priority priority, DueCount due, Spread assigned) {
        return new TimeToAssign(
                priority.code(),
                due.requested(),
                assigned,
                due.dueWithinMinSeconds(),
                due.dueWithinMaxSeconds(),
                due.withDueTime(),
                due.breached(),
                Ratios.share(due.breached(), due.withDueTime()),
                due.waitingPastDue());
    }

    private static Breaches breaches(List<TimeToAssign> priorities) {
        long withDue = priorities.stream().mapToLong(TimeToAssign::withDueTime).sum();
        long breached = priorities.stream().mapToLong(TimeToAssign::breached).sum();
        long pastDue = priorities.stream().mapToLong(TimeToAssign::waitingPastDue).sum();
        return new Breaches(withDue, breached, Ratios.share(breached, withDue), pastDue);
    }

    private TimeToComplete timeToComplete(Period period) {
        Map<Priority, Spread> spreads = repository.timeToComplete(period);
        Map<String, Spread> byPriority = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            byPriority.put(priority.code(), spreads.getOrDefault(priority, NONE));
        }
        return new TimeToComplete(repository.timeToCompleteAll(period), byPriority);
    }

    /** Each consultant's groups among those that make someone a consultant, by username. */
    private Map<String, String> consultantRoles() {
        Map<String, String> roles = new TreeMap<>();
        Role.BY_GROUP.entrySet().stream()
                .filter(entry -> entry.getValue() == Role.CONSULTANT)
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(
                        group ->
                                directory
                                        .membersOf(group)
                                        .forEach(
                                                user ->
                                                        roles.merge(
                                                                user,
                                                                group,
                                                                (a, b) -> a + ", " + b)));
        return roles;
    }

    private List<Waits> waits(Period period) {
        Map<String, List<WaitCount>> byReason = new LinkedHashMap<>();
        for (WaitCount count : repository.waits(period)) {
            byReason.computeIfAbsent(count.reason(), reason -> new ArrayList<>()).add(count);
        }

        List<Waits> waits = new ArrayList<>();
        byReason.forEach(
                (reason, counts) -> {
                    Map<String, Long> byType = new LinkedHashMap<>();
                    counts.stream()
                            .sorted(Comparator.comparing(WaitCount::checkType))
                            .forEach(count -> byType.put(count.checkType().code(), count.checks()));
                    waits.add(
                            new Waits(
                                    reason,
                                    explanation(reason),
                                    counts.stream().mapToLong(WaitCount::attempts).sum(),
                                    counts.stream().mapToLong(WaitCount::checks).sum(),
                                    byType));
                });
        waits.sort(Comparator.comparingLong(Waits::checks).reversed().thenComparing(Waits::reason));
        return waits;
    }

    private static String explanation(String reason) {
        for (WaitReason known : WaitReason.values()) {
            if (known.code().equals(reason)) {
                return known.explanation();
            }
        }
        return reason;
    }

    /** Every result, in the order success, no_available, error, with 0 for none. */
    private List<Attempts> attempts(Period period) {
        Map<String, Attempts> found = new LinkedHashMap<>();
        for (String result :
                List.of(
                        AssignmentLogEntry.SUCCESS,
                        AssignmentLogEntry.NO_AVAILABLE,
                        AssignmentLogEntry.ERROR)) {
            found.put(result, new Attempts(result, 0, 0));
        }
        repository.attempts(period).forEach(attempts -> found.put(attempts.result(), attempts));
        return List.copyOf(found.values());
    }
}
