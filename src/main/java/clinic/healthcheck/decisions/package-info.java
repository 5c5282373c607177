/**
 * Decision tables as analysts publish them: what a deployment may hold, and what each table the
 * service reads must answer before a new version is let in.
 */
package clinic.healthcheck.decisions;
