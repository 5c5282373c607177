package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.system.InvalidFieldException;

/**
 * What a consultant records when the consultation is over. The API and the Tasklist form are held
 * to the same rules here: notes and recommendations are required and at most 4000 characters.
 */
public record ConsultationRecord(String notes, String recommendations, boolean followUpNeeded) {

    static final int MAX_LENGTH = 4000;

    /**
     * @throws InvalidFieldException naming the first field that breaks a rule
     */
    public static ConsultationRecord of(
            String notes, String recommendations, Boolean followUpNeeded) {
        return new ConsultationRecord(
                required(Variables.NOTES, notes),
                required(Variables.RECOMMENDATIONS, recommendations),
                Boolean.TRUE.equals(followUpNeeded));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return value;
    }
}
