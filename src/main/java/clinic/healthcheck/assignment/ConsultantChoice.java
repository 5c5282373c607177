package clinic.healthcheck.assignment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A consultant a manager may give a check to, as the "Assign manually" form and the API offer them.
 *
 * @param rank 1 for the one the automatic path would choose first
 * @param takesType whether the consultant takes this check type (the automatic path needs it)
 * @param sawPatientLast whether they took this patient's check last (it counts for a follow-up)
 */
public record ConsultantChoice(
        int rank,
        String username,
        String specialization,
        BigDecimal rating,
        int load,
        int maxConcurrentChecks,
        boolean takesType,
        boolean sawPatientLast) {

    @JsonProperty
    public int freeSlots() {
        return Math.max(0, maxConcurrentChecks - load);
    }

    /** One line for the form's choice list. */
    @JsonProperty
    public String label() {
        var label =
                new StringBuilder(username)
                        .append(" - ")
                        .append(specialization)
                        .append(", ")
                        .append(rating == null ? "no rating yet" : "rating " + rating)
                        .append(", ")
                        .append(load)
                        .append(" of ")
                        .append(maxConcurrentChecks)
                        .append(" slots in use");
        if (sawPatientLast) {
            label.append(", saw this patient last");
        }
        if (!takesType) {
            label.append(", does not usually take this type");
        }
        if (freeSlots() == 0) {
            label.append(" (full: needs an override)");
        }
        return label.toString();
    }
}
