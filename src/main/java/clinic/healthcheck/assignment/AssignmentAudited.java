package clinic.healthcheck.assignment;

/**
 * Attempts were written to the audit, all with one result (and, for waits, one reason); published
 * inside the transaction that wrote them.
 */
public record AssignmentAudited(String result, WaitReason reason, Trigger trigger, int attempts) {}
