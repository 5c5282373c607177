package clinic.healthcheck.assignment;

import java.util.Locale;

/** Why a check waits: the first rule that left nobody to take it. */
public enum WaitReason {
    NO_RULE("no rule in the eligibility table for this check type and priority"),
    NO_SPECIALIZATION("no consultant has a specialization the rules allow"),
    NO_PREFERENCE("no consultant of a fitting specialization takes this check type"),
    ALL_UNAVAILABLE("every fitting consultant is busy, on a break or offline"),
    ALL_FULL("every fitting available consultant is at their maximum of concurrent checks");

    private final String explanation;

    WaitReason(String explanation) {
        this.explanation = explanation;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String explanation() {
        return explanation;
    }
}
