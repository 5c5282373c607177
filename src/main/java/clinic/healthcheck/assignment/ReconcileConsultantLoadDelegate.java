package clinic.healthcheck.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** First step of each sweep: loads are made true before anyone is ranked by them. */
@Component
public class ReconcileConsultantLoadDelegate implements JavaDelegate {

    private final CapacityReconciler reconciler;

    ReconcileConsultantLoadDelegate(CapacityReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reconciler.reconcile();
    }
}
