/**
 * Tells patients, consultants and managers what happened, by mail from asynchronous steps of the
 * process. Every message is recorded by check, kind and recipient before it goes out, so a retried
 * step never sends it twice and an outage shows up as a Cockpit incident, not as a lost mail.
 */
package clinic.healthcheck.notification;
