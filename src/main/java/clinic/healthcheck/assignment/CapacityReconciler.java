package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.system.EngineTransactions;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each consultant's stored load true to the checks they really hold, however an instance
 * ended. Checks whose process instance an operator removed are closed as cancelled, then every
 * drifting load is recomputed under the consultant's row lock.
 */
@Component
public class CapacityReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(CapacityReconciler.class);

    static final String ENDED_OUTSIDE = "process instance ended outside the service";

    private final HealthCheckRepository checks;
    private final ConsultantRepository consultants;
    private final RuntimeService runtime;
    private final EngineTransactions transactions;
    private final Clock clock;

    CapacityReconciler(
            HealthCheckRepository checks,
            ConsultantRepository consultants,
            RuntimeService runtime,
            EngineTransactions transactions,
            Clock clock) {
        this.checks = checks;
        this.consultants = consultants;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void reconcile() {
        for (long checkId : checks.findOpenWithoutProcess()) {
            transactions.inNewTransaction(() -> closeOrphan(checkId));
        }

        for (long consultantId : consultants.findWithDriftingLoad()) {
            transactions.inNewTransaction(() -> recompute(consultantId));
        }
    }

    private Void closeOrphan(long checkId) {
        if (checks.lockStatus(checkId).isEmpty()) {
            return null;
        }
        // Looked at again under the lock: the instance may have been started meanwhile.
        var check = checks.findById(checkId).orElseThrow();
        boolean running =
                check.processInstanceId() != null
                        && runtime.createProcessInstanceQuery()
                                        .processInstanceId(check.processInstanceId())
                                        .count()
                                > 0;
        if (!running && checks.cancel(checkId, ENDED_OUTSIDE, clock.instant())) {
            LOG.warn(
                    "Health check {} was {} but its process instance is gone; marked cancelled."
                            + " Ask the patient whether it is still wanted.",
                    checkId,
                    check.status().code());
        }
        return null;
    }

    private Void recompute(long consultantId) {
        consultants.lock(consultantId);
        int before = consultants.findById(consultantId).orElseThrow().currentAssignments();
        int after = consultants.recomputeLoad(consultantId, clock.instant());
        if (before != after) {
            LOG.warn(
                    "Consultant {} load corrected from {} to {} to match the checks they hold",
                    consultantId,
                    before,
                    after);
        }
        return null;
    }
}
