package clinic.healthcheck.people;

import java.util.LinkedHashMap;
import java.util.Map;

/** The groups of the identity service that give a role, and how Admin names them. */
public final class Groups {

    public static final String PATIENTS = "patients";
    public static final String MEDICAL_STAFF = "medical-staff";
    public static final String NUTRITIONISTS = "nutritionists";
    public static final String MANAGERS = "managers";
    public static final String ANALYSTS = "analysts";
    public static final String ADMINS = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    /** Group id to the name Admin shows, in the order a reader expects them. */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(PATIENTS, "Patients");
        NAMES.put(MEDICAL_STAFF, "Medical staff");
        NAMES.put(NUTRITIONISTS, "Nutritionists");
        NAMES.put(MANAGERS, "Managers");
        NAMES.put(ANALYSTS, "Analysts");
        NAMES.put(ADMINS, "Administrators");
    }

    private Groups() {}
}
