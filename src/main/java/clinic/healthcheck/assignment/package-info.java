/**
 * Assignment: the DMN says who may take a check, this package ranks those with room and takes a
 * slot atomically, audits every attempt and runs the triggers and the sweep. Checks given by hand
 * (a consultant for themselves, a manager through the API or the "Assign manually" task) take the
 * same conditional updates and are audited as manual.
 */
package clinic.healthcheck.assignment;
