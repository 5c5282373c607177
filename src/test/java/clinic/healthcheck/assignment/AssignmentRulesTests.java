package clinic.healthcheck.assignment;

import static clinic.healthcheck.checks.CheckType.FOLLOW_UP;
import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.CheckType.NUTRITION;
import static clinic.healthcheck.checks.CheckType.WELLNESS;
import static clinic.healthcheck.checks.Priority.HIGH;
import static clinic.healthcheck.checks.Priority.LOW;
import static clinic.healthcheck.checks.Priority.NORMAL;
import static clinic.healthcheck.checks.Priority.URGENT;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static clinic.healthcheck.consultants.ConsultantStatus.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckRepository.NewHealthCheck;
import clinic.healthcheck.checks.HealthCheckService.BackloggedRequest;
import clinic.healthcheck.consultants.AvailabilityService;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.people.Role;
import clinic.healthcheck.support.ServiceTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The assignment rules on a real database; subclasses choose which one. */
abstract class AssignmentRulesTests extends ServiceTestBase {

    @Autowired AvailabilityService availability;
    @Autowired CapacityReconciler reconciler;

    @Test
    void urgentCheckIsAssignedBeforeHigh() {
        consultant("carla", "Medical Staff", "", 1, "4.0", AVAILABLE);
        long high = backlog("p1", MEDICAL, HIGH, "2026-01-05T08:00:00Z");
        long urgent = backlog("p2", MEDICAL, URGENT, "2026-01-05T09:00:00Z");

        sweep();

        assertThat(check(urgent).consultantUsername()).isEqualTo("carla");
        assertThat(check(high).status()).isEqualTo(CheckStatus.PENDING);
        assertThat(check(high).waitReason()).isEqualTo(WaitReason.ALL_FULL.code());
        assertInvariants();
    }

    @Test
    void oldestCheckIsAssignedFirstWithinAPriority() {
        consultant("carla", "Medical Staff", "", 1, "4.0", AVAILABLE);
        long newer = backlog("p1", MEDICAL, NORMAL, "2026-01-05T10:00:00Z");
        long older = backlog("p2", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        sweep();

        assertThat(check(older).status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(check(newer).status()).isEqualTo(CheckStatus.PENDING);
    }

    @Test
    void aCheckGoesOnlyToASpecializationTheTableAllows() {
        consultant("carla", "Medical Staff", "", 3, "5.0", AVAILABLE);
        long nutrition = backlog("p1", NUTRITION, NORMAL, "2026-01-05T08:00:00Z");

        sweep();

        assertThat(check(nutrition).status()).isEqualTo(CheckStatus.PENDING);
        assertThat(waitAudits(nutrition)).containsExactly(WaitReason.NO_SPECIALIZATION.code());
    }

    @Test
    void aConsultantOnlyGetsTheCheckTypesTheyPrefer() {
        consultant("carla", "Medical Staff", "medical", 3, "5.0", AVAILABLE);
        long wellness = backlog("p1", WELLNESS, NORMAL, "2026-01-05T08:00:00Z");
        long medical = backlog("p2", MEDICAL, NORMAL, "2026-01-05T09:00:00Z");

        sweep();

        assertThat(check(wellness).waitReason()).isEqualTo(WaitReason.NO_PREFERENCE.code());
        assertThat(check(medical).consultantUsername()).isEqualTo("carla");
    }

    @Test
    void theHighestRatedConsultantWinsAndTheAuditSaysWhy() {
        consultant("good", "Medical Staff", "", 3, "4.1", AVAILABLE);
        consultant("best", "Medical Staff", "", 3, "4.9", AVAILABLE);
        consultant("unrated", "Medical Staff", "", 3, null, AVAILABLE);
        long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        sweep();

        assertThat(check(id).consultantUsername()).isEqualTo("best");
        assertThat(check(id).autoAssigned()).isTrue();
        String message =
                jdbc.queryForObject(
                        "SELECT message FROM assignment_log WHERE health_check_id = ?"
                                + " AND result = 'success'",
                        String.class,
                        id);
        assertThat(message).contains("rank 1 of 3").contains("rating 4.9").contains("load 0 of 3");
    }

    @Test
    void storedSpecializationsMatchTheTableWhateverTheirCase() {
        consultant("lower", "Medical Staff", "", 3, "4.0", AVAILABLE);
        jdbc.update(
                "UPDATE consultant_availability SET specialization = 'MEDICAL staff',"
                        + " preferred_check_types = 'Medical;INITIAL'");
        long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        sweep();

        assertThat(check(id).consultantUsername()).isEqualTo("lower");
    }

    @Test
    void theSweepRunsFromItsTimerJobAsCockpitShowsIt() {
        consultant("carla", "Medical Staff", "", 3, "4.0", AVAILABLE);
        long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");
        var timer =
                management
                        .createJobQuery()
                        .processDefinitionKey(AssignmentSchedule.PROCESS_KEY)
                        .timers()
                        .active()
                        .singleResult();

        management.executeJob(timer.getId());

        assertThat(check(id).consultantUsername()).isEqualTo("carla");
        assertThat(triggers(id)).containsExactly(Trigger.SWEEP.code());
    }

    @Test
    void aConsultantWithoutRatingRanksAfterEveryRatedOne() {
        consultant("unrated", "Medical Staff", "", 3, null, AVAILABLE);
        consultant("low", "Medical Staff", "", 3, "0.0", AVAILABLE);
        long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        sweep();

        assertThat(check(id).consultantUsername()).isEqualTo("low");
    }

    @Test
    void onEqualRatingTheConsultantWithFewerChecksWins() {
        consultant("busier", "Medical Staff", "", 3, 2, "4.5", AVAILABLE);
        consultant("lighter", "Medical Staff", "", 3, 0, "4.5", AVAILABLE);
        long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        sweep();

        assertThat(check(id).consultantUsername()).isEqualTo("lighter");
    }

    @Test
    void capacityIsNeverExceededAndCarriedLoadCounts() {
        consultant("carla", "Medical Staff", "", 3, 1, "4.0", AVAILABLE);
        for (int i = 0; i < 5; i++) {
            backlog("p" + i, MEDICAL, NORMAL, "2026-01-05T08:00:0" + i + "Z");
        }

        AssignmentTotals totals = sweep();

        assertThat(totals.assigned()).isEqualTo(2);
        assertThat(totals.waiting()).isEqualTo(3);
        assertThat(consultant("carla").currentAssignments()).isEqualTo(3);
        assertInvariants();
    }

    @Test
    void onlyAvailableConsultantsAreAssigned() {
        consultant("carla", "Medical Staff", "", 3, "5.0", OFFLINE);
        long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        sweep();

        assertThat(check(id).waitReason()).isEqualTo(WaitReason.ALL_UNAVAILABLE.code());
    }

    @Test
    void aFollowUpGoesToTheConsultantWhoSawThePatientLast() {
        consultant("familiar", "Nutrition", "", 3, "3.0", AVAILABLE);
        long first = backlog("pat", NUTRITION, NORMAL, "2026-01-05T08:00:00Z");
        sweep();
        consultant("star", "Medical Staff", "", 3, "5.0", AVAILABLE);
        long followUp = backlog("pat", FOLLOW_UP, NORMAL, "2026-01-05T09:00:00Z");
        long stranger = backlog("other", FOLLOW_UP, NORMAL, "2026-01-05T09:30:00Z");

        sweep();

        assertThat(check(first).consultantUsername()).isEqualTo("familiar");
        assertThat(check(followUp).consultantUsername()).isEqualTo("familiar");
        assertThat(check(stranger).consultantUsername()).isEqualTo("star");
    }

    @Test
    void aWaitIsAuditedOnceAndAgainOnlyWhenItsReasonChanges() {
        consultant("carla", "Medical Staff", "", 0, "4.0", AVAILABLE);
        long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        sweep();
        sweep();
        assertThat(waitAudits(id)).containsExactly(WaitReason.ALL_FULL.code());

        availability.update("carla", ConsultantStatus.OFFLINE, null);
        sweep();
        assertThat(waitAudits(id))
                .containsExactly(WaitReason.ALL_FULL.code(), WaitReason.ALL_UNAVAILABLE.code());
    }

    @Test
    void aNewRequestIsAssignedAtOnceWhenSomeoneFits() {
        consultant("carla", "Medical Staff", "", 2, "4.0", AVAILABLE);

        var check = request("pat", MEDICAL, URGENT);

        assertThat(check.status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(check.consultantUsername()).isEqualTo("carla");
        assertThat(check.dueAt()).isEqualTo(check.createdAt().plusSeconds(15 * 60));
        assertThat(tasks.createTaskQuery().taskAssignee("carla").count()).isEqualTo(1);
        assertInvariants();
    }

    @Test
    void aConsultantWhoBecomesAvailableGetsTheQueueAtOnceInPriorityOrder() {
        consultant("carla", "Medical Staff", "", 2, "4.0", OFFLINE);
        long low = backlog("p1", MEDICAL, LOW, "2026-01-05T07:00:00Z");
        long urgent = backlog("p2", MEDICAL, URGENT, "2026-01-05T09:00:00Z");
        long normal = backlog("p3", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        availability.update("carla", AVAILABLE, null);

        assertThat(check(urgent).status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(check(normal).status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(check(low).status()).isEqualTo(CheckStatus.PENDING);
        assertThat(triggers(urgent)).containsExactly(Trigger.AVAILABILITY.code());
        assertInvariants();
    }

    @Test
    void raisingTheMaximumFillsTheNewSlotsAtOnce() {
        consultant("carla", "Medical Staff", "", 0, "4.0", AVAILABLE);
        long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

        availability.update("carla", null, 1);

        assertThat(check(id).consultantUsername()).isEqualTo("carla");
    }

    @Test
    void aCompletedCheckFreesItsSlotForTheNextInQueue() {
        consultant("carla", "Medical Staff", "", 1, "4.0", AVAILABLE);
        var carla = caller("carla", Role.CONSULTANT);
        long first = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");
        long second = backlog("p2", MEDICAL, NORMAL, "2026-01-05T09:00:00Z");
        sweep();

        healthChecks.start(first, null, carla);
        healthChecks.complete(first, "notes", "advice", false, carla);
        runJobs();

        assertThat(check(first).status()).isEqualTo(CheckStatus.COMPLETED);
        assertThat(check(second).consultantUsername()).isEqualTo("carla");
        assertThat(triggers(second)).containsExactly(Trigger.SLOT_FREED.code());
        assertThat(consultant("carla").totalCompletedChecks()).isEqualTo(1);
        assertInvariants();
    }

    @Test
    void aCancelledCheckFreesItsSlotForTheNextInQueue() {
        consultant("carla", "Medical Staff", "", 1, "4.0", AVAILABLE);
        long first = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");
        long second = backlog("p2", MEDICAL, NORMAL, "2026-01-05T09:00:00Z");
        sweep();

        healthChecks.cancel(first, "feeling better", caller("p1", Role.PATIENT));
        runJobs();

        assertThat(check(first).status()).isEqualTo(CheckStatus.CANCELLED);
        assertThat(check(second).consultantUsername()).isEqualTo("carla");
        assertInvariants();
    }

    @Test
    void anInstanceDeletedInCockpitGivesItsSlotBackAtTheNextSweep() {
        consultant("carla", "Medical Staff", "", 1, "4.0", AVAILABLE);
        long deleted = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");
        long waiting = backlog("p2", MEDICAL, NORMAL, "2026-01-05T09:00:00Z");
        sweep();

        // as an operator would, skipping every listener
        runtime.deleteProcessInstance(check(deleted).processInstanceId(), "operator", true, true);
        reconciler.reconcile();
        sweep();

        assertThat(check(deleted).status()).isEqualTo(CheckStatus.CANCELLED);
        assertThat(check(waiting).consultantUsername()).isEqualTo("carla");
        assertInvariants();
    }

    @Test
    void aDriftingLoadIsCorrectedFromTheChecksHeld() {
        consultant("carla", "Medical Staff", "", 3, "4.0", AVAILABLE);
        jdbc.update("UPDATE consultant_availability SET current_assignments = 3");

        reconciler.reconcile();

        assertThat(consultant("carla").currentAssignments()).isZero();
    }

    @Test
    void aNewVersionOfTheEligibilityTableTakesEffectWithoutRestart() throws Exception {
        consultant("carla", "Medical Staff", "", 3, "4.0", AVAILABLE);
        long before = backlog("p1", NUTRITION, NORMAL, "2026-01-05T08:00:00Z");
        sweep();
        assertThat(check(before).status()).isEqualTo(CheckStatus.PENDING);

        String table = Files.readString(Path.of("dmn/consultant-eligibility.dmn"));
        try {
            deployEligibility(table.replace("\"Nutrition\"</text>", "\"Medical Staff\"</text>"));
            sweep();
            assertThat(check(before).consultantUsername()).isEqualTo("carla");
        } finally {
            deployEligibility(table);
        }
    }

    @Test
    void aTableWithNoRuleForTheCheckLeavesItWaitingWithReasonNoRule() throws Exception {
        consultant("carla", "Medical Staff", "", 3, "4.0", AVAILABLE);
        String table = Files.readString(Path.of("dmn/consultant-eligibility.dmn"));
        try {
            deployEligibility(table.replace("\"medical\"</text>", "\"dental\"</text>"));
            long id = backlog("p1", MEDICAL, NORMAL, "2026-01-05T08:00:00Z");

            sweep();

            assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);
            assertThat(check(id).waitReason()).isEqualTo(WaitReason.NO_RULE.code());
            assertThat(runtime.createIncidentQuery().count()).isZero();
        } finally {
            deployEligibility(table);
        }
    }

    @Test
    void processVariablesHoldOnlyPrimitives() {
        consultant("carla", "Medical Staff", "", 2, "4.0", AVAILABLE);
        var check = request("pat", MEDICAL, URGENT);

        Map<String, Object> variables = runtime.getVariables(check.processInstanceId());

        assertThat(variables)
                .containsEntry(HealthCheckProcess.Variables.CONSULTANT, "carla")
                .containsEntry(HealthCheckProcess.Variables.CHECK_TYPE, "medical");
        assertThat(
                        runtime.createVariableInstanceQuery()
                                .processInstanceIdIn(check.processInstanceId())
                                .list())
                .allSatisfy(
                        variable ->
                                assertThat(variable.getTypeName())
                                        .isIn(
                                                "long", "string", "integer", "date", "null",
                                                "boolean"));
    }

    @Test
    void eightSweepsRacingNeverOverAssignNorAssignACheckTwiceNorAuditAWaitTwice() throws Exception {
        int slots = 0;
        for (int i = 0; i < 16; i++) {
            int max = 2 + i % 3;
            slots += max;
            consultant(
                    "k" + i,
                    i % 2 == 0 ? "Medical Staff" : "Nutrition",
                    "",
                    max,
                    "4." + (i % 4),
                    AVAILABLE);
        }
        var backlog = new ArrayList<BackloggedRequest>();
        for (int i = 0; i < 200; i++) {
            var request = new NewHealthCheck("p" + i, null, WELLNESS, NORMAL, null, null, null);
            backlog.add(
                    new BackloggedRequest(
                            request, Instant.parse("2026-01-05T08:00:00Z").plusSeconds(i)));
        }
        healthChecks.requestAll(backlog);

        var threads = Executors.newFixedThreadPool(8);
        var barrier = new CyclicBarrier(8);
        var runs = new ArrayList<Future<AssignmentTotals>>();
        for (int i = 0; i < 8; i++) {
            runs.add(
                    threads.submit(
                            () -> {
                                barrier.await();
                                return sweep();
                            }));
        }
        int assignedByRuns = 0;
        for (var run : runs) {
            assignedByRuns += run.get(2, TimeUnit.MINUTES).assigned();
        }
        threads.shutdown();

        int assignedRows =
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM health_check WHERE status = 'assigned'",
                        Integer.class);
        assertThat(assignedRows).isEqualTo(slots);
        assertThat(assignedByRuns).isEqualTo(assignedRows);
        assertInvariants();
        assertThat(
                        jdbc.queryForList(
                                "SELECT health_check_id FROM assignment_log"
                                        + " WHERE result = 'no_available'"
                                        + " GROUP BY health_check_id HAVING COUNT(*) > 1",
                                Long.class))
                .as("waits audited more than once")
                .isEmpty();
    }

    private void deployEligibility(String xml) {
        repository
                .createDeployment()
                .name("analyst edit")
                .addString("dmn/consultant-eligibility.dmn", xml)
                .deploy();
    }

    private List<String> waitAudits(long checkId) {
        return jdbc.queryForList(
                "SELECT reason FROM assignment_log WHERE health_check_id = ?"
                        + " AND result = 'no_available' ORDER BY id",
                String.class,
                checkId);
    }

    private List<String> triggers(long checkId) {
        return jdbc.queryForList(
                "SELECT triggered_by FROM assignment_log WHERE health_check_id = ?"
                        + " AND result = 'success'",
                String.class,
                checkId);
    }
}
