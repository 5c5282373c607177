package clinic.healthcheck.assignment;

/** The assignment rules on the embedded default database. */
class AssignmentRulesOnH2IT extends AssignmentRulesTests {}
