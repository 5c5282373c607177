package clinic.healthcheck.metrics;

import clinic.healthcheck.assignment.AssignmentAudited;
import clinic.healthcheck.assignment.HealthCheckAssigned;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts audited assignment attempts by result and times each assignment from its request, by
 * priority. Both are recorded once the attempt's transaction has committed, so a rolled-back
 * attempt counts for nothing. Each node counts its own attempts: sum them across nodes.
 */
@Component
class AssignmentMetrics {

    static final String ATTEMPTS = "healthchecks.assignment.attempts";
    static final String TIME_TO_ASSIGN = "healthchecks.time.to.assign";

    private final MeterRegistry registry;

    AssignmentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void audited(AssignmentAudited event) {
        Counter.builder(ATTEMPTS)
                .description("Audited assignment attempts by result, wait reason and trigger")
                .tag("result", event.result())
                .tag("reason", event.reason() == null ? "none" : event.reason().code())
                .tag("trigger", event.trigger().code())
                .register(registry)
                .increment(event.attempts());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void assigned(HealthCheckAssigned event) {
        Timer.builder(TIME_TO_ASSIGN)
                .description("Time from a check's request to its assignment, by priority")
                .tag("priority", event.priority().code())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(30))
                .register(registry)
                .record(Duration.between(event.requestedAt(), event.assignedAt()));
    }
}
