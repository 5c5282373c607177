/** The command-line modes {@code assign} and {@code import}, run against a shared database. */
package clinic.healthcheck.cli;
