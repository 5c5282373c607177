package clinic.healthcheck.consultants;

/** Published after a consultant's status or capacity change has committed. */
public record ConsultantAvailabilityChanged(long consultantId) {}
