/** Cross-cutting pieces: model deployment, clock, transactions, API errors and demo data. */
package clinic.healthcheck.system;
