package clinic.healthcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.reporting.Period;
import clinic.healthcheck.support.AnalyticsScenario;
import clinic.healthcheck.support.ServiceTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The import and assign commands against a real database. */
abstract class CommandLineTests extends ServiceTestBase {

    @Autowired ImportCommand importer;
    @Autowired AssignCommand assign;
    @Autowired MailReportCommand mailReport;
    @Autowired AssignmentReportCommand report;
    @Autowired UtilizationReportCommand utilization;

    @TempDir Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void invalidRowsAreReportedByLineNumberAndSkipped() throws Exception {
        Path roster =
                write(
                        "consultants.csv",
                        "id,username,email,full_name,specialization,preferred_check_types,"
                                + "max_concurrent_checks,current_assignments,average_rating,status",
                        "1,k0001,k1@example.test,A B,Medical Staff,medical;initial,3,1,4.5,available",
                        "2,k0002,k2@example.test,C D,Nutrition,,3,0,4.0,asleep",
                        "3,k0003,k3@example.test,E F,Nutrition,,three,0,4.0,available");
        Path requests =
                write(
                        "checks.csv",
                        "id,patient_username,patient_email,check_type,priority,created_at,description",
                        "1,p1,p1@example.test,medical,urgent,2026-01-05T08:00:00Z,Headache",
                        "2,p2,p2@example.test,dental,low,2026-01-05T08:00:01Z,Teeth",
                        "3,p3,p3@example.test,wellness,high,yesterday,Routine");

        int code = importer.run(roster, requests, out);

        assertThat(code).isZero();
        assertThat(printed.toString())
                .contains("consultants.csv line 3: status 'asleep'")
                .contains("consultants.csv line 4: max_concurrent_checks 'three'")
                .contains("checks.csv line 3: unknown check_type 'dental'")
                .contains("checks.csv line 4: created_at 'yesterday'")
                .contains("1 consultants loaded, 2 rows skipped")
                .contains("1 requests taken in as pending, 2 rows skipped")
                .contains("1 of them were past their due time already");
        assertThat(consultant("k0001").currentAssignments()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT status FROM health_check", String.class))
                .containsExactly("pending");
    }

    @Test
    void importingTheSameRequestsTwiceTakesEachInOnce() throws Exception {
        Path requests =
                write(
                        "checks.csv",
                        "id,patient_username,patient_email,check_type,priority,created_at,description",
                        "1,p1,p1@example.test,medical,urgent,2026-01-05T08:00:00Z,Headache",
                        "2,p2,p2@example.test,nutrition,low,2026-01-05T08:00:01Z,Diet",
                        "3,p1,p1@example.test,medical,urgent,2026-01-05T08:00:00Z,Headache");

        importer.run(null, requests, out);
        importer.run(null, requests, out);

        assertThat(printed.toString())
                .contains("checks.csv line 4: the same request as line 2; skipped")
                .contains("2 requests taken in as pending, 1 rows skipped\n")
                .contains(
                        "0 requests taken in as pending, 1 rows skipped, 2 taken in before"
                                + " (same patient, type, priority and time)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM health_check", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aRepeatedUsernameABadAddressAndARequestFromTheFutureAreSkipped() throws Exception {
        Path roster =
                write(
                        "consultants.csv",
                        "id,username,email,full_name,specialization,preferred_check_types,"
                                + "max_concurrent_checks,current_assignments,average_rating,status",
                        "1,k0001,k1@example.test,A B,Medical Staff,,3,0,4.5,available",
                        "2,k0001,k1@example.test,A B,Nutrition,,3,0,4.5,available",
                        "3,k0003,not-an-address,E F,Nutrition,,3,0,4.0,available");
        Path requests =
                write(
                        "checks.csv",
                        "id,patient_username,patient_email,check_type,priority,created_at,description",
                        "1,p1,p1@example.test,medical,urgent,2999-01-05T08:00:00Z,Headache");

        importer.run(roster, requests, out);

        assertThat(printed.toString())
                .contains("consultants.csv line 3: username k0001 repeats line 2; skipped")
                .contains("consultants.csv line 4: email is not an e-mail address")
                .contains("checks.csv line 2: created_at 2999-01-05T08:00:00Z lies in the future");
        assertThat(consultant("k0001").specialization()).isEqualTo("Medical Staff");
        assertThat(consultantRows.findAll()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM health_check", Integer.class))
                .isZero();
    }

    @Test
    void aRosterThatPutsSomeoneOverTheirMaximumSaysSo() throws Exception {
        consultant("k0001", "Medical Staff", "", 2, "4.0", ConsultantStatus.AVAILABLE);
        backlog("p1", CheckType.MEDICAL, Priority.URGENT, "2026-01-05T08:00:00Z");
        assign.run(false, false, out);
        Path roster =
                write(
                        "consultants.csv",
                        "id,username,email,full_name,specialization,preferred_check_types,"
                                + "max_concurrent_checks,current_assignments,average_rating,status",
                        "1,k0001,k1@example.test,A B,Nutrition,,2,2,4.0,available");

        importer.run(roster, null, out);

        assertThat(printed.toString())
                .contains("k0001: specialization changed from Medical Staff to Nutrition")
                .contains("k0001: holds 1 checks and carries 2 from before, over their maximum");
        assertThat(consultant("k0001").currentAssignments()).isEqualTo(3);
    }

    @Test
    void aFileThatCannotBeReadLoadsNothing() throws Exception {
        Path roster =
                write(
                        "consultants.csv",
                        "id,username,email,full_name,specialization,preferred_check_types,"
                                + "max_concurrent_checks,current_assignments,average_rating,status",
                        "1,k0001,k1@example.test,A B,Medical Staff,,3,0,4.5,available");

        int code = importer.run(roster, folder.resolve("missing.csv"), out);

        assertThat(code).isEqualTo(2);
        assertThat(printed.toString())
                .contains("missing.csv: no such file")
                .contains("nothing was loaded");
        assertThat(consultantRows.findAll()).isEmpty();
    }

    @Test
    void aDryRunPrintsWhatWouldHappenAndChangesNothing() {
        consultant("carla", "Medical Staff", "", 1, "4.0", ConsultantStatus.AVAILABLE);
        backlog("p1", CheckType.MEDICAL, Priority.URGENT, "2026-01-05T08:00:00Z");
        backlog("p2", CheckType.NUTRITION, Priority.LOW, "2026-01-05T08:00:00Z");
        var before = snapshot();

        int code = assign.run(true, true, out);

        assertThat(code).isZero();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(printed.toString())
                .contains("urgent")
                .contains("would go to carla, 0 free slots left")
                .contains("waits: no consultant has a specialization")
                .contains("processed 2, assigned 1, failed 0, still waiting 1");
    }

    @Test
    void assignServesTheQueueAndPrintsTotals() {
        consultant("carla", "Medical Staff", "", 1, "4.0", ConsultantStatus.AVAILABLE);
        long urgent = backlog("p1", CheckType.MEDICAL, Priority.URGENT, "2026-01-05T08:00:00Z");

        assign.run(false, false, out);

        assertThat(check(urgent).status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(printed.toString()).contains("-> carla").contains("assigned 1");
        assertInvariants();
    }

    @Test
    void theMailReportCountsMessagesByKindAndStatusAndListsFailuresWithoutAddresses() {
        long id = backlog("p1", CheckType.MEDICAL, Priority.URGENT, "2026-01-05T08:00:00Z");
        jdbc.update("DELETE FROM notification");
        String insert =
                "INSERT INTO notification (health_check_id, kind, recipient, recipient_role,"
                        + " status, attempts, last_error, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)";
        jdbc.update(insert, id, "consultant_assigned", "p1@x.test", "patient", "sent", 1, null);
        jdbc.update(insert, id, "consultant_assigned", "k@x.test", "consultant", "sent", 1, null);
        jdbc.update(
                insert,
                id,
                "check_cancelled",
                "p1@x.test",
                "patient",
                "failed",
                3,
                "java.net.ConnectException: Connection refused");

        int code = mailReport.run(90, out);

        assertThat(code).isEqualTo(1);
        assertThat(printed.toString())
                .containsPattern("consultant_assigned\\s+2\\s+0\\s+0\\s+0\\s+2")
                .containsPattern("check_cancelled\\s+0\\s+1\\s+0\\s+0\\s+1")
                .containsPattern("all\\s+2\\s+1\\s+0\\s+0\\s+3")
                .contains(
                        "check "
                                + id
                                + " check_cancelled to patient, 3 attempts, last error:"
                                + " java.net.ConnectException: Connection refused")
                .doesNotContain("@x.test");
    }

    @Test
    void theReportPrintsAttemptsFailuresWaitsAndBreachesOfThePeriodAsAlignedText() {
        new AnalyticsScenario(this).build();

        int code = report.run(scenarioPeriod(), false, out);

        assertThat(code).as("an attempt failed in the period").isEqualTo(1);
        assertThat(printed.toString())
                .contains("Assignment report from 2026-01-05T00:00:00Z to 2026-01-08T00:00:00Z")
                .containsPattern("success\\s+3\\s+3\\n")
                .containsPattern("no_available\\s+3\\s+2\\n")
                .containsPattern("error\\s+1\\s+1\\n")
                .containsPattern(
                        "technical failure: OptimisticLockingException\\s+1\\s+1\\s+"
                                + "2026-01-07T09:30:00Z")
                .containsPattern("all_full\\s+2\\s+2\\s+every fitting available consultant")
                .containsPattern("all_unavailable\\s+1\\s+1")
                .containsPattern(
                        "urgent\\s+2\\s+2\\s+5 min\\s+30 min\\s+30 min\\s+15 min"
                                + "\\s+1\\s+50\\.0%\\s+0")
                .containsPattern(
                        "normal\\s+1\\s+0\\s+-\\s+-\\s+-\\s+24\\.0 h\\s+1\\s+100\\.0%\\s+1")
                .containsPattern("all\\s+5\\s+3(\\s+-){4}\\s+2\\s+40\\.0%\\s+1");
    }

    @Test
    void theReportAsCsvHasOneRecordPerFigure() {
        new AnalyticsScenario(this).build();

        report.run(scenarioPeriod(), true, out);

        assertThat(printed.toString().lines())
                .startsWith("section,item,measure,value")
                .contains(
                        "attempts,success,attempts,3",
                        "attempts,no_available,checks,2",
                        "errors,technical failure: OptimisticLockingException,attempts,1",
                        "waits,all_full,checks,2",
                        "breaches,urgent,p50,300",
                        "breaches,urgent,longest_due,900",
                        "breaches,normal,p50,",
                        "breaches,all,breach_share,0.4");
    }

    @Test
    void theReportOfAnEmptyPeriodSaysSoAndExitsWithZero() {
        new AnalyticsScenario(this).build();

        int code =
                report.run(
                        new Period(
                                Instant.parse("2025-06-01T00:00:00Z"),
                                Instant.parse("2025-06-08T00:00:00Z")),
                        false,
                        out);

        assertThat(code).isZero();
        assertThat(printed.toString())
                .contains("No failed attempts.")
                .contains("No waits.")
                .containsPattern("success\\s+0\\s+0")
                .containsPattern("all\\s+0\\s+0(\\s+-){4}\\s+0\\s+-\\s+0");
    }

    @Test
    void theUtilizationReportGivesEachConsultantsLoadCompletedChecksAndRating() {
        new AnalyticsScenario(this).build();

        int code = utilization.run(YearMonth.of(2026, 1), false, out);

        // carla held 2 h + 1 h + 26 d 14.5 h of January's 31 days, with 2 slots
        assertThat(code).isZero();
        assertThat(printed.toString())
                .contains("Utilization in 2026-01 (2026-01-01T00:00:00Z to 2026-02-01T00:00:00Z)")
                .containsPattern(
                        "carla\\s+-\\s+Medical Staff\\s+2\\s+0\\.86\\s+43\\.1%\\s+3\\s+2\\s+4\\.5")
                .containsPattern(
                        "ines\\s+Ines Imported\\s+nutrition\\s+1\\s+0\\.00\\s+0\\.0%"
                                + "\\s+0\\s+0\\s+3\\.9")
                .containsPattern("nico\\s+-\\s+Nutrition\\s+0\\s+0\\.00\\s+-\\s+0\\s+0\\s+4\\.0")
                .containsPattern("Medical Staff\\s+2\\s+5\\s+0\\.86\\s+17\\.3%");
    }

    @Test
    void theUtilizationReportAsCsvHasOneRecordPerConsultant() {
        new AnalyticsScenario(this).build();

        utilization.run(YearMonth.of(2026, 1), true, out);

        assertThat(printed.toString().lines())
                .containsExactly(
                        "consultant,name,specialization,max,average_load,utilization,assigned,"
                                + "completed,rating",
                        "carla,,Medical Staff,2,0.86,0.4311,3,2,4.5",
                        "dana,,Medical Staff,3,0.00,0.0004,1,0,",
                        "ines,Ines Imported,nutrition,1,0.00,0,0,0,3.9",
                        "nico,,Nutrition,0,0.00,,0,0,4.0");
    }

    private static Period scenarioPeriod() {
        return Period.parse("2026-01-05", "2026-01-07", Instant.now());
    }

    /** Every row the service and the engine hold that a run could change. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "checks", jdbc.queryForList("SELECT * FROM health_check ORDER BY id"),
                "consultants",
                        jdbc.queryForList("SELECT * FROM consultant_availability ORDER BY id"),
                "log", jdbc.queryForList("SELECT * FROM assignment_log ORDER BY id"),
                "executions",
                        jdbc.queryForList(
                                "SELECT ID_, REV_, ACT_ID_ FROM ACT_RU_EXECUTION ORDER BY ID_"),
                "tasks", jdbc.queryForList("SELECT ID_ FROM ACT_RU_TASK ORDER BY ID_"),
                "decisions", jdbc.queryForList("SELECT ID_ FROM ACT_HI_DECINST ORDER BY ID_"),
                "variables",
                        jdbc.queryForList("SELECT ID_, REV_ FROM ACT_RU_VARIABLE ORDER BY ID_"));
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = folder.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
