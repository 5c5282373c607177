/**
 * The command-line modes {@code assign}, {@code import}, {@code mail-report}, {@code report} and
 * {@code utilization}, run against a shared database.
 */
package clinic.healthcheck.cli;
