package clinic.healthcheck.metrics;

import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.reporting.AnalyticsRepository;
import clinic.healthcheck.reporting.AnalyticsRepository.PendingCount;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the queue and of free capacity: pending checks by priority (and those past their due
 * time), and free slots of available consultants by specialization. A scrape reads the last values;
 * two small grouped queries refresh them on a schedule (every 15 seconds by default), so scrapes
 * never scan tables. The values come from the shared database: every node reports the same, so take
 * the maximum across nodes, not the sum.
 */
@Component
@ConditionalOnWebApplication
class LiveGauges {

    static final String PENDING = "healthchecks.pending";
    static final String OVERDUE = "healthchecks.pending.overdue";
    static final String FREE_SLOTS = "healthchecks.free.slots";

    private final AnalyticsRepository figures;
    private final Clock clock;
    private final MultiGauge freeSlots;
    private volatile Map<Priority, PendingCount> pending = new EnumMap<>(Priority.class);

    LiveGauges(AnalyticsRepository figures, MeterRegistry registry, Clock clock) {
        this.figures = figures;
        this.clock = clock;
        for (Priority priority : Priority.values()) {
            Gauge.builder(PENDING, this, gauges -> gauges.pending(priority).checks())
                    .description("Checks waiting for a consultant now")
                    .tag("priority", priority.code())
                    .register(registry);
            Gauge.builder(OVERDUE, this, gauges -> gauges.pending(priority).overdue())
                    .description("Checks waiting past their due time now")
                    .tag("priority", priority.code())
                    .register(registry);
        }
        freeSlots =
                MultiGauge.builder(FREE_SLOTS)
                        .description("Free slots of available consultants now")
                        .register(registry);
    }

    @Scheduled(
            fixedDelayString = "${clinic.metrics.refresh:PT15S}",
            initialDelayString = "${clinic.metrics.refresh:PT15S}")
    void refresh() {
        pending = figures.pendingByPriority(clock.instant());
        freeSlots.register(
                figures.freeSlotsBySpecialization().entrySet().stream()
                        .map(
                                entry ->
                                        MultiGauge.Row.of(
                                                Tags.of("specialization", entry.getKey()),
                                                entry.getValue()))
                        .toList(),
                true);
    }

    private PendingCount pending(Priority priority) {
        return pending.getOrDefault(priority, new PendingCount(0, 0, null));
    }
}
