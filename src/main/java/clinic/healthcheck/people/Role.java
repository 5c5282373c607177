package clinic.healthcheck.people;

import java.util.Map;

/** What a signed-in person may do, derived from their groups in Camunda's identity service. */
public enum Role {
    PATIENT,
    CONSULTANT,
    MANAGER,
    ADMIN,
    ANALYST;

    /** Group ids of the identity service and the role each grants. */
    public static final Map<String, Role> BY_GROUP =
            Map.of(
                    Groups.PATIENTS, PATIENT,
                    Groups.MEDICAL_STAFF, CONSULTANT,
                    Groups.NUTRITIONISTS, CONSULTANT,
                    Groups.MANAGERS, MANAGER,
                    Groups.ADMINS, ADMIN,
                    Groups.ANALYSTS, ANALYST);

    public String authority() {
        return "ROLE_" + name();
    }
}
