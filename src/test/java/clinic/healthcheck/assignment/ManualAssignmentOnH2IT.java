package clinic.healthcheck.assignment;

/** Manual assignment on the embedded default database. */
class ManualAssignmentOnH2IT extends ManualAssignmentTests {}
