/**
 * Health-check auto-assignment: patients' requests for health checks are given to the best
 * consultant who can take them, and each request lives as a Camunda 7 process instance.
 */
package clinic.healthcheck;
