/**
 * The command-line modes {@code assign}, {@code import} and {@code mail-report}, run against a
 * shared database.
 */
package clinic.healthcheck.cli;
