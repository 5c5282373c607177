/**
 * Health checks and their lifecycle: requests taken in through the API or an import, and the steps
 * pending, assigned, in progress, completed or cancelled that the BPMN process carries, with the
 * rules the consultant's Tasklist forms are held to.
 */
package clinic.healthcheck.checks;
