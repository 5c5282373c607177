/**
 * Assignment: the DMN says who may take a check, this package ranks those with room and takes a
 * slot atomically, audits every attempt and runs the triggers and the sweep.
 */
package clinic.healthcheck.assignment;
