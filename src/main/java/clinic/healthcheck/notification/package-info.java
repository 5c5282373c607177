/** Tells patients and consultants what happened, from asynchronous steps of the process. */
package clinic.healthcheck.notification;
