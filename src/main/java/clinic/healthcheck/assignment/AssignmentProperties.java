package clinic.healthcheck.assignment;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code clinic.assignment}.
 *
 * @param sweep the periodic sweep of the whole queue
 * @param queuePageSize how many pending checks one read of the queue takes
 * @param assignmentsPerTransaction how many assignments at most commit together
 */
@ConfigurationProperties("clinic.assignment")
public record AssignmentProperties(
        Sweep sweep,
        @DefaultValue("500") int queuePageSize,
        @DefaultValue("50") int assignmentsPerTransaction) {

    public AssignmentProperties {
        if (sweep == null) {
            sweep = new Sweep("R/PT5M", true);
        }
        if (queuePageSize < 1 || assignmentsPerTransaction < 1) {
            throw new IllegalArgumentException(
                    "clinic.assignment.queue-page-size and assignments-per-transaction must be"
                            + " at least 1");
        }
    }

    /**
     * @param cycle ISO-8601 repeating interval or cron expression of the sweep timer
     * @param enabled false suspends the sweep process and its timer
     */
    public record Sweep(
            @DefaultValue("R/PT5M") String cycle, @DefaultValue("true") boolean enabled) {

        /**
         * The engine's own parser of timer cycles decides, at start-up: a cycle it cannot read
         * would otherwise fail the deployment of the sweep model with a stack trace.
         */
        public Sweep {
            try {
                new CycleBusinessCalendar().resolveDuedate(cycle);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "clinic.assignment.sweep.cycle (SWEEP_CYCLE) '"
                                + cycle
                                + "' is neither an ISO-8601 repeating interval such as R/PT5M"
                                + " nor a cron expression such as 0 0/5 * * * ?");
            }
        }
    }
}
