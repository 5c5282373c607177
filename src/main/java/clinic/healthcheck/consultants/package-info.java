/** Consultants' availability: status, capacity, specialization and preferred check types. */
package clinic.healthcheck.consultants;
