package clinic.healthcheck.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.support.ProcessTests;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code bpmn/assignment-sweep.bpmn}: its timer fires, loads are reconciled, then assigned. */
class AssignmentSweepProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine =
            ProcessEngineExtension.builder().configurationResource(ProcessTests.ENGINE).build();

    private final List<String> steps = new ArrayList<>();

    /** The timer reads the cycle from this bean when the model is deployed. */
    public static class Schedule {
        public String getSweepCycle() {
            return "R/PT10M";
        }
    }

    @BeforeEach
    void standIns() {
        Mocks.register("assignmentSchedule", new Schedule());
        Mocks.register(
                "reconcileConsultantLoadDelegate", (JavaDelegate) e -> steps.add("reconcile"));
        Mocks.register("sweepPendingChecksDelegate", (JavaDelegate) e -> steps.add("assign"));
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    @Test
    @Deployment(resources = "bpmn/assignment-sweep.bpmn")
    void eachFiringReconcilesLoadsBeforeAssigningAndTheTimerKeepsItsCycle() {
        var management = engine.getManagementService();
        var timer = management.createJobQuery().timers().singleResult();

        management.executeJob(timer.getId());

        assertThat(steps).containsExactly("reconcile", "assign");
        List<String> passed =
                engine
                        .getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .orderPartiallyByOccurrence()
                        .asc()
                        .list()
                        .stream()
                        .map(HistoricActivityInstance::getActivityId)
                        .toList();
        assertThat(passed)
                .containsExactly(
                        "StartEvent_SweepDue",
                        "ServiceTask_ReconcileConsultantLoad",
                        "ServiceTask_AssignPendingChecks",
                        "EndEvent_SweepDone");
        assertThat(management.createJobQuery().timers().count())
                .as("the next firing is scheduled")
                .isEqualTo(1);
    }
}
