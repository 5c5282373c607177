package clinic.healthcheck.assignment;

import clinic.healthcheck.consultants.Consultant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/** A consultant as one assignment run sees them: load and last assignment move as it goes. */
final class Candidate {

    /**
     * Best first: highest rating (no rating yet ranks after every rated consultant), then the
     * fewest current assignments, then the longest since their last assignment.
     */
    static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparing(Candidate::rating, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparingInt(Candidate::load)
                    .thenComparing(
                            Candidate::lastAssignedAt,
                            Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingLong(Candidate::id);

    private final Consultant consultant;
    private int load;
    private Instant lastAssignedAt;
    private boolean closed;

    Candidate(Consultant consultant) {
        this.consultant = consultant;
        this.load = consultant.currentAssignments();
        this.lastAssignedAt = consultant.lastAssignedAt();
    }

    Consultant consultant() {
        return consultant;
    }

    long id() {
        return consultant.id();
    }

    BigDecimal rating() {
        return consultant.averageRating();
    }

    int load() {
        return load;
    }

    Instant lastAssignedAt() {
        return lastAssignedAt;
    }

    int freeSlots() {
        return closed ? 0 : Math.max(0, consultant.maxConcurrentChecks() - load);
    }

    void tookSlot(Instant now) {
        load++;
        lastAssignedAt = now;
    }

    void gaveBack(Instant lastAssignedBefore) {
        load--;
        lastAssignedAt = lastAssignedBefore;
    }

    /** The database said no: another node or thread filled the consultant, or they left. */
    void close() {
        closed = true;
    }
}
