/**
 * Metrics and health for operations: gauges of the queue and of free capacity, counters of
 * assignment results, a timer of time to assign, and the process engine's health, exposed through
 * Spring Boot Actuator (Prometheus at {@code /actuator/prometheus}) to admins.
 */
package clinic.healthcheck.metrics;
