package clinic.healthcheck.assignment;

/**
 * What one run did. {@code takenElsewhere} counts checks another node or thread served while this
 * run was deciding.
 */
public record AssignmentTotals(
        int processed, int assigned, int failed, int waiting, int takenElsewhere) {}
