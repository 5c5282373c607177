/**
 * Cross-cutting pieces: model deployment, clock, transactions, API errors, how refused Tasklist
 * forms are logged, and demo data.
 */
package clinic.healthcheck.system;
