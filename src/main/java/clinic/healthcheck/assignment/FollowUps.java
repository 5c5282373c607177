package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheckRepository;
import java.util.HashMap;
import java.util.Map;

/**
 * Who saw each patient last, as one assignment run knows it: the run's own decisions first, since
 * they are the newest and not all of them are written yet, then the database.
 */
final class FollowUps {

    private final HealthCheckRepository checks;
    private final Map<String, Long> decided = new HashMap<>();

    FollowUps(HealthCheckRepository checks) {
        this.checks = checks;
    }

    Long lastConsultantOf(String patient) {
        Long consultant = decided.get(patient);
        return consultant != null ? consultant : checks.lastConsultantOf(patient).orElse(null);
    }

    void assigned(String patient, long consultantId) {
        decided.put(patient, consultantId);
    }

    /** The decision did not hold: the database knows best again. */
    void forget(String patient) {
        decided.remove(patient);
    }

    void forgetAll() {
        decided.clear();
    }
}
