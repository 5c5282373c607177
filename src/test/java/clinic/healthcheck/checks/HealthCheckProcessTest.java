package clinic.healthcheck.checks;

import static clinic.healthcheck.checks.HealthCheckProcess.ASSIGN_CHOSEN_CONSULTANT;
import static clinic.healthcheck.checks.HealthCheckProcess.ASSIGN_MANUALLY;
import static clinic.healthcheck.checks.HealthCheckProcess.CANCEL_HEALTH_CHECK;
import static clinic.healthcheck.checks.HealthCheckProcess.COMPLETE_HEALTH_CHECK;
import static clinic.healthcheck.checks.HealthCheckProcess.CONSULTANT_REASSIGNED;
import static clinic.healthcheck.checks.HealthCheckProcess.DETERMINE_SERVICE_LEVEL;
import static clinic.healthcheck.checks.HealthCheckProcess.END_ASSIGNED_MANUALLY;
import static clinic.healthcheck.checks.HealthCheckProcess.END_BREACH_REPORTED;
import static clinic.healthcheck.checks.HealthCheckProcess.END_CANCELLED;
import static clinic.healthcheck.checks.HealthCheckProcess.END_COMPLETED;
import static clinic.healthcheck.checks.HealthCheckProcess.END_CONSULTANT_FOUND;
import static clinic.healthcheck.checks.HealthCheckProcess.END_OVERDUE_SINCE_IMPORT;
import static clinic.healthcheck.checks.HealthCheckProcess.FIND_CONSULTANT;
import static clinic.healthcheck.checks.HealthCheckProcess.MARK_CONSULTATION_STARTED;
import static clinic.healthcheck.checks.HealthCheckProcess.NOTIFY_ASSIGNMENT;
import static clinic.healthcheck.checks.HealthCheckProcess.NOTIFY_COMPLETION;
import static clinic.healthcheck.checks.HealthCheckProcess.NOTIFY_CONSULTATION_STARTED;
import static clinic.healthcheck.checks.HealthCheckProcess.NOTIFY_SERVICE_LEVEL_BREACHED;
import static clinic.healthcheck.checks.HealthCheckProcess.OFFER_FREED_SLOT;
import static clinic.healthcheck.checks.HealthCheckProcess.RECORD_CONSULTATION;
import static clinic.healthcheck.checks.HealthCheckProcess.RECORD_DUE_TIME;
import static clinic.healthcheck.checks.HealthCheckProcess.SERVICE_LEVEL_BREACHED;
import static clinic.healthcheck.checks.HealthCheckProcess.START_CONSULTATION;
import static clinic.healthcheck.checks.HealthCheckProcess.WAIT_FOR_CONSULTANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import clinic.healthcheck.checks.HealthCheckProcess.Variables;
import clinic.healthcheck.support.ProcessTests;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code bpmn/health-check.bpmn} on an in-memory engine. The delegates are stand-ins
 * that record their calls: what they do to the tables is tested with the database.
 */
@Deployment(resources = {"bpmn/health-check.bpmn", "dmn/service-level.dmn"})
class HealthCheckProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine =
            ProcessEngineExtension.builder().configurationResource(ProcessTests.ENGINE).build();

    private final List<String> notifications = new ArrayList<>();
    private final List<String> slotsOffered = new ArrayList<>();

    @BeforeEach
    void standInDelegates() {
        ProcessEngine processEngine = engine.getProcessEngine();
        BpmnAwareTests.init(processEngine);

        Mocks.register(
                "recordDueTimeDelegate",
                (JavaDelegate)
                        execution -> {
                            execution.setVariable(Variables.DUE_AT, null);
                            execution.setVariable(Variables.TASK_PRIORITY, 100);
                            execution.setVariable(Variables.OVERDUE_ON_ARRIVAL, false);
                        });
        Mocks.register("markConsultationStartedDelegate", (JavaDelegate) execution -> {});
        Mocks.register("checkDetailsListener", (TaskListener) task -> {});
        Mocks.register("assignManuallyTaskListener", (TaskListener) task -> {});
        Mocks.register(
                "assignChosenConsultantDelegate",
                (JavaDelegate)
                        execution ->
                                execution.setVariable(
                                        Variables.CONSULTANT,
                                        execution.getVariable(Variables.CHOSEN_CONSULTANT)));
        Mocks.register("completeHealthCheckDelegate", (JavaDelegate) execution -> {});
        Mocks.register("cancelHealthCheckDelegate", (JavaDelegate) execution -> {});
        Mocks.register(
                "notifyDelegate",
                (JavaDelegate)
                        execution ->
                                notifications.add(
                                        (String)
                                                execution.getVariableLocal(
                                                        Variables.NOTIFICATION)));
        Mocks.register(
                "offerFreedSlotDelegate",
                (JavaDelegate)
                        execution ->
                                slotsOffered.add(
                                        (String) execution.getVariable(Variables.CONSULTANT)));
    }

    @AfterEach
    void forgetDelegates() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aRequestGetsItsServiceLevelFromTheTableAndWaitsForAConsultant() {
        ProcessInstance instance = request("urgent", "medical");

        assertThat(instance)
                .hasPassedInOrder(DETERMINE_SERVICE_LEVEL, RECORD_DUE_TIME)
                .isWaitingAt(WAIT_FOR_CONSULTANT)
                .variables()
                .containsEntry(Variables.ASSIGN_WITHIN, "PT15M");
    }

    @Test
    void anAssignedCheckIsStartedRecordedAndCompletedByItsConsultant() {
        ProcessInstance instance = request("normal", "nutrition");

        assign(instance, "nico");
        assertThat(instance).isWaitingAt(START_CONSULTATION, NOTIFY_ASSIGNMENT);
        assertThat(task()).isAssignedTo("nico").hasDefinitionKey(START_CONSULTATION);
        execute(job(NOTIFY_ASSIGNMENT));

        complete(task());
        assertThat(instance).hasPassed(MARK_CONSULTATION_STARTED).isWaitingAt(RECORD_CONSULTATION);
        assertThat(task()).isAssignedTo("nico");
        execute(job(NOTIFY_CONSULTATION_STARTED));

        complete(task(), withVariables(Variables.NOTES, "ok", Variables.RECOMMENDATIONS, "rest"));
        assertThat(instance).hasPassed(COMPLETE_HEALTH_CHECK);
        execute(job(NOTIFY_COMPLETION));
        execute(job(OFFER_FREED_SLOT));

        assertThat(instance).isEnded().hasPassed(END_COMPLETED);
        assertThat(notifications)
                .containsExactly("CONSULTANT_ASSIGNED", "CONSULTATION_STARTED", "CHECK_COMPLETED");
        assertThat(slotsOffered).containsExactly("nico");
    }

    @Test
    void aPendingCheckCanBeCancelledAndHoldsNoSlotToOffer() {
        ProcessInstance instance = request("low", "wellness");

        cancel(instance);
        runAllJobs();

        assertThat(instance).isEnded().hasPassed(CANCEL_HEALTH_CHECK, END_CANCELLED);
        assertThat(instance).hasNotPassed(START_CONSULTATION);
        assertThat(notifications).containsExactly("CHECK_CANCELLED");
        assertThat(slotsOffered).containsExactly((String) null);
    }

    @Test
    void anAssignedCheckCanBeCancelledAndItsSlotIsOffered() {
        ProcessInstance instance = request("high", "medical");
        assign(instance, "carla");

        cancel(instance);
        assertThat(instance).isNotWaitingAt(START_CONSULTATION);
        runAllJobs();

        assertThat(instance)
                .isEnded()
                .hasPassed(END_CANCELLED)
                .hasNotPassed(MARK_CONSULTATION_STARTED);
        assertThat(slotsOffered).containsExactly("carla");
    }

    @Test
    void aCheckInProgressCanBeCancelled() {
        ProcessInstance instance = request("normal", "initial");
        assign(instance, "carla");
        assertThat(instance).isWaitingAt(START_CONSULTATION);
        complete(task());

        cancel(instance);
        runAllJobs();

        assertThat(instance).isEnded().hasPassed(MARK_CONSULTATION_STARTED, END_CANCELLED);
        assertThat(instance).hasNotPassed(COMPLETE_HEALTH_CHECK);
    }

    @Test
    void aFailingNotificationBecomesAnIncidentAndNeverHoldsUpTheConsultant() {
        Mocks.register(
                "notifyDelegate",
                (JavaDelegate)
                        execution -> {
                            throw new IllegalStateException("mail server down");
                        });
        ProcessInstance instance = request("urgent", "medical");
        assign(instance, "carla");
        assertThat(instance).isWaitingAt(NOTIFY_ASSIGNMENT);

        var notify = job(NOTIFY_ASSIGNMENT);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> execute(notify)).hasMessageContaining("mail server down");
        }

        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isEqualTo(1);
        assertThat(task()).hasDefinitionKey(START_CONSULTATION).isAssignedTo("carla");
    }

    @Test
    void aCheckStillWaitingAtItsDueTimeAlertsTheManagersOnceAndKeepsWaiting() {
        Instant dueAt = dueInFifteenMinutes();
        ProcessInstance instance = request("urgent", "medical");
        assertThat(instance).isWaitingAt(WAIT_FOR_CONSULTANT);
        assertThat(jobQuery().executable().count()).isZero();

        ClockUtil.setCurrentTime(Date.from(dueAt.plusSeconds(1)));
        execute(job(SERVICE_LEVEL_BREACHED));
        execute(job(NOTIFY_SERVICE_LEVEL_BREACHED));

        assertThat(instance)
                .hasPassedInOrder(SERVICE_LEVEL_BREACHED, NOTIFY_SERVICE_LEVEL_BREACHED)
                .hasPassed(END_BREACH_REPORTED)
                .isWaitingAt(WAIT_FOR_CONSULTANT);
        assertThat(notifications).containsExactly("SERVICE_LEVEL_BREACHED");
        assertThat(jobQuery().count()).isZero();

        assign(instance, "carla");
        assertThat(task()).isAssignedTo("carla").hasDefinitionKey(START_CONSULTATION);
    }

    @Test
    void aCheckAlreadyOverdueWhenImportedKeepsWaitingWithoutAlertOrManagersTask() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        Mocks.register(
                "recordDueTimeDelegate",
                (JavaDelegate)
                        execution -> {
                            execution.setVariable(
                                    Variables.DUE_AT, Date.from(now.minus(Duration.ofDays(40))));
                            execution.setVariable(Variables.TASK_PRIORITY, 100);
                            execution.setVariable(Variables.OVERDUE_ON_ARRIVAL, true);
                        });
        ProcessInstance instance = request("urgent", "medical");

        assertThat(instance).isWaitingAt(WAIT_FOR_CONSULTANT);

        execute(job(SERVICE_LEVEL_BREACHED));

        assertThat(instance)
                .hasPassed(SERVICE_LEVEL_BREACHED, END_OVERDUE_SINCE_IMPORT)
                .hasNotPassed(NOTIFY_SERVICE_LEVEL_BREACHED, ASSIGN_MANUALLY)
                .isWaitingAt(WAIT_FOR_CONSULTANT);
        assertThat(jobQuery().count()).isZero();
        assertThat(taskQuery().count()).isZero();
        assertThat(notifications).isEmpty();

        assign(instance, "carla");
        assertThat(instance).task().isAssignedTo("carla").hasDefinitionKey(START_CONSULTATION);
    }

    @Test
    void aCheckAssignedBeforeItsDueTimeRaisesNoAlert() {
        Instant dueAt = dueInFifteenMinutes();
        ProcessInstance instance = request("urgent", "medical");
        assertThat(jobQuery().timers().singleResult().getDuedate()).isEqualTo(Date.from(dueAt));

        assign(instance, "carla");
        ClockUtil.setCurrentTime(Date.from(dueAt.plus(Duration.ofDays(1))));

        assertThat(jobQuery().timers().count()).isZero();
        assertThat(instance).hasNotPassed(SERVICE_LEVEL_BREACHED);
    }

    @Test
    void aCheckWithoutAServiceLevelWaitsWithoutEverRaisingAnAlert() {
        ProcessInstance instance = request("urgent", "medical");
        assertThat(instance).variables().containsEntry(Variables.DUE_AT, null);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3650))));

        assertThat(jobQuery().executable().count()).isZero();
        Date never = jobQuery().timers().singleResult().getDuedate();
        assertThat(never.toInstant().atZone(ZoneOffset.UTC).getYear()).isEqualTo(9999);
        assertThat(instance).isWaitingAt(WAIT_FOR_CONSULTANT);
    }

    @Test
    void aCheckStillWaitingAtItsDueTimeGoesToTheManagersAsATaskUrgentFirst() {
        ProcessInstance instance = escalated();

        assertThat(instance).isWaitingAt(WAIT_FOR_CONSULTANT, ASSIGN_MANUALLY);
        assertThat(task(ASSIGN_MANUALLY))
                .hasCandidateGroup(HealthCheckProcess.MANAGERS_GROUP)
                .isNotAssigned()
                .hasDueDate(Date.from(Instant.parse("2026-03-02T09:15:00Z")));
        assertThat(task(ASSIGN_MANUALLY).getPriority()).isEqualTo(100);
        assertThat(jobQuery().activityId(NOTIFY_SERVICE_LEVEL_BREACHED).count()).isEqualTo(1);
    }

    @Test
    void whenTheAutomaticPathWinsTheManagersTaskIsWithdrawn() {
        ProcessInstance instance = escalated();

        assign(instance, "carla");

        assertThat(instance)
                .hasPassed(END_CONSULTANT_FOUND, FIND_CONSULTANT)
                .hasNotPassed(ASSIGN_CHOSEN_CONSULTANT, END_ASSIGNED_MANUALLY)
                .isWaitingAt(START_CONSULTATION, NOTIFY_ASSIGNMENT)
                .isNotWaitingAt(ASSIGN_MANUALLY, NOTIFY_SERVICE_LEVEL_BREACHED);
        assertThat(taskQuery().taskDefinitionKey(ASSIGN_MANUALLY).count()).isZero();
        assertThat(task(START_CONSULTATION)).isAssignedTo("carla");
    }

    @Test
    void whenAManagersChoiceWinsTheWaitIsWithdrawn() {
        ProcessInstance instance = escalated();
        execute(job(NOTIFY_SERVICE_LEVEL_BREACHED));

        complete(task(ASSIGN_MANUALLY), withVariables(Variables.CHOSEN_CONSULTANT, "dana"));

        assertThat(instance)
                .hasPassedInOrder(ASSIGN_MANUALLY, ASSIGN_CHOSEN_CONSULTANT, END_ASSIGNED_MANUALLY)
                .hasNotPassed(END_CONSULTANT_FOUND)
                .isNotWaitingAt(WAIT_FOR_CONSULTANT)
                .isWaitingAt(START_CONSULTATION, NOTIFY_ASSIGNMENT);
        assertThat(task(START_CONSULTATION)).isAssignedTo("dana");
        assertThatThrownBy(() -> assign(instance, "carla"))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void aRefusedManagersChoiceLeavesTheTaskAndTheWaitAsTheyWere() {
        Mocks.register(
                "assignChosenConsultantDelegate",
                (JavaDelegate)
                        execution -> {
                            throw new FormFieldValidationException("no_free_slot", "dana is full");
                        });
        ProcessInstance instance = escalated();

        assertThatThrownBy(
                        () ->
                                complete(
                                        task(ASSIGN_MANUALLY),
                                        withVariables(Variables.CHOSEN_CONSULTANT, "dana")))
                .hasMessageContaining("dana is full");

        assertThat(instance).isWaitingAt(WAIT_FOR_CONSULTANT, ASSIGN_MANUALLY);
        assign(instance, "carla");
        assertThat(task(START_CONSULTATION)).isAssignedTo("carla");
    }

    @Test
    void aCheckCancelledWhileEscalatedLeavesNoTaskBehind() {
        ProcessInstance instance = escalated();

        cancel(instance);
        runAllJobs();

        assertThat(instance).isEnded().hasPassed(END_CANCELLED);
        assertThat(taskQuery().count()).isZero();
        assertThat(slotsOffered).containsExactly((String) null);
    }

    @Test
    void aReassignedCheckIsWithdrawnFromTheFirstConsultantAndOfferedToTheNew() {
        ProcessInstance instance = request("normal", "medical");
        assign(instance, "dana");
        assertThat(instance).isWaitingAt(START_CONSULTATION);
        String first = task(START_CONSULTATION).getId();

        engine.getRuntimeService()
                .createMessageCorrelation(HealthCheckProcess.MESSAGE_CONSULTANT_REASSIGNED)
                .processInstanceId(instance.getId())
                .setVariable(Variables.CONSULTANT, "carla")
                .correlate();

        assertThat(instance).hasPassed(CONSULTANT_REASSIGNED).isWaitingAt(START_CONSULTATION);
        assertThat(task(START_CONSULTATION)).isAssignedTo("carla");
        assertThat(task(START_CONSULTATION).getId()).isNotEqualTo(first);
        assertThat(jobQuery().activityId(NOTIFY_ASSIGNMENT).count()).isEqualTo(2);

        complete(task());
        assertThat(task()).hasDefinitionKey(RECORD_CONSULTATION).isAssignedTo("carla");
    }

    /** An urgent check whose due time passed: waiting, with the managers' task open. */
    private ProcessInstance escalated() {
        Instant dueAt = dueInFifteenMinutes();
        ProcessInstance instance = request("urgent", "medical");
        assertThat(instance).isWaitingAt(WAIT_FOR_CONSULTANT);
        ClockUtil.setCurrentTime(Date.from(dueAt.plusSeconds(1)));
        execute(job(SERVICE_LEVEL_BREACHED));
        assertThat(instance).isWaitingAt(WAIT_FOR_CONSULTANT, ASSIGN_MANUALLY);
        return instance;
    }

    /** The service-level step sets a due time fifteen minutes from the engine's now. */
    private Instant dueInFifteenMinutes() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        Instant dueAt = now.plus(Duration.ofMinutes(15));
        Mocks.register(
                "recordDueTimeDelegate",
                (JavaDelegate)
                        execution -> {
                            execution.setVariable(Variables.DUE_AT, Date.from(dueAt));
                            execution.setVariable(Variables.TASK_PRIORITY, 100);
                            execution.setVariable(Variables.OVERDUE_ON_ARRIVAL, false);
                        });
        return dueAt;
    }

    private ProcessInstance request(String priority, String checkType) {
        return engine.getRuntimeService()
                .createProcessInstanceByKey(HealthCheckProcess.KEY)
                .businessKey("1")
                .setVariable(Variables.CHECK_ID, 1L)
                .setVariable(Variables.PRIORITY, priority)
                .setVariable(Variables.CHECK_TYPE, checkType)
                .setVariable(Variables.PATIENT, "pat")
                .execute();
    }

    private void assign(ProcessInstance instance, String consultant) {
        engine.getRuntimeService()
                .createMessageCorrelation(HealthCheckProcess.MESSAGE_CONSULTANT_ASSIGNED)
                .processInstanceId(instance.getId())
                .setVariable(Variables.CONSULTANT, consultant)
                .correlate();
    }

    private void cancel(ProcessInstance instance) {
        engine.getRuntimeService()
                .createMessageCorrelation(HealthCheckProcess.MESSAGE_CANCELLATION_REQUESTED)
                .processInstanceId(instance.getId())
                .setVariable(Variables.CANCEL_REASON, "no longer needed")
                .correlate();
    }

    private static void runAllJobs() {
        jobQuery().list().forEach(job -> execute(job));
    }
}
