package clinic.healthcheck.notification;

import static clinic.healthcheck.checks.CheckType.MEDICAL;
import static clinic.healthcheck.checks.CheckType.NUTRITION;
import static clinic.healthcheck.checks.Priority.URGENT;
import static clinic.healthcheck.consultants.ConsultantStatus.AVAILABLE;
import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import clinic.healthcheck.assignment.WaitReason;
import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.people.Role;
import clinic.healthcheck.support.ServiceTestBase;
import clinic.healthcheck.support.Smtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Mail from the running service to a real SMTP server (GreenMail on loopback): sent by the notify
 * jobs, at most once per recipient, delayed but never lost or blocking when the server is down.
 */
abstract class NotificationTests extends ServiceTestBase {

    private static final String PATIENT = "pat@example.test";
    private static final String CONSULTANT = "carla@example.test";
    private static final DateTimeFormatter MINUTES_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired MockMvc mvc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> Smtp.HOST);
        registry.add("spring.mail.port", Smtp::port);
        // GreenMail speaks plain SMTP without a login
        registry.add("spring.mail.properties.mail.smtp.auth", () -> "false");
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "false");
    }

    @BeforeEach
    void people() {
        Smtp.reset();
        login("pat", "patients");
        login("mara", "managers");
        login("root", "camunda-admin");
        consultant("carla", "Medical Staff", "", 2, "4.5", AVAILABLE);
    }

    @Test
    void anOutageDelaysTheMailButNeitherBlocksNorUndoesTheAssignmentAndARetrySendsItOnce() {
        Smtp.server().stop();

        HealthCheck check = request("pat", MEDICAL, URGENT);
        String notify = job(check, HealthCheckProcess.NOTIFY_ASSIGNMENT);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(notify));
        }

        assertThat(check(check.id()).status()).isEqualTo(CheckStatus.ASSIGNED);
        assertThat(consultant("carla").currentAssignments()).isEqualTo(1);
        assertThat(incidents(check)).isEqualTo(1);
        assertThat(row(check, "patient"))
                .containsEntry("status", "failed")
                .containsEntry("attempts", 3);
        assertThat((String) row(check, "patient").get("last_error"))
                .startsWith("java.net.ConnectException")
                .doesNotContain(PATIENT);

        Smtp.reset();
        management.setJobRetries(notify, 1);
        management.executeJob(notify);

        assertThat(Smtp.receivedBy(PATIENT)).hasSize(1);
        assertThat(Smtp.receivedBy(CONSULTANT)).hasSize(1);
        assertThat(incidents(check)).isZero();
        assertThat(row(check, "patient")).containsEntry("status", "sent");
        assertInvariants();
    }

    @Test
    void runningANotifyStepAgainAfterItSucceededSendsNoSecondMail() {
        HealthCheck check = request("pat", MEDICAL, URGENT);
        management.executeJob(job(check, HealthCheckProcess.NOTIFY_ASSIGNMENT));
        assertThat(Smtp.received()).hasSize(2);

        // an operator runs the step once more, as Cockpit's process instance modification does
        runtime.createProcessInstanceModification(check.processInstanceId())
                .startBeforeActivity(HealthCheckProcess.NOTIFY_ASSIGNMENT)
                .execute();
        management.executeJob(job(check, HealthCheckProcess.NOTIFY_ASSIGNMENT));

        assertThat(Smtp.receivedBy(PATIENT)).hasSize(1);
        assertThat(Smtp.receivedBy(CONSULTANT)).hasSize(1);
        assertThat(row(check, "patient")).containsEntry("attempts", 1);
    }

    @Test
    void aMailAlreadySentIsNotSentAgainWhenALaterMessageOfTheSameStepFails() {
        jdbc.update("UPDATE consultant_availability SET email = 'carla <broken'");
        HealthCheck check = request("pat", MEDICAL, URGENT);
        String notify = job(check, HealthCheckProcess.NOTIFY_ASSIGNMENT);

        assertThatThrownBy(() -> management.executeJob(notify));
        assertThat(row(check, "patient")).containsEntry("status", "sent");
        assertThat(row(check, "consultant")).containsEntry("status", "failed");

        jdbc.update("UPDATE consultant_availability SET email = 'carla@clinic.test'");
        management.executeJob(notify);

        assertThat(Smtp.receivedBy(PATIENT)).hasSize(1);
        assertThat(Smtp.receivedBy("carla@clinic.test")).hasSize(1);
    }

    @Test
    void everyStepOfACheckMailsItsPeopleWithTextAndHtml() {
        HealthCheck check = request("pat", MEDICAL, URGENT);
        var carla = caller("carla", Role.CONSULTANT);
        runJobs();
        healthChecks.start(check.id(), null, carla);
        runJobs();
        healthChecks.complete(check.id(), "stable", "drink more water", true, carla);
        runJobs();

        assertThat(Smtp.receivedBy(PATIENT))
                .extracting(NotificationTests::subject)
                .containsExactly(
                        "Health checks: a consultant is assigned to your health check (#"
                                + check.id()
                                + ")",
                        "Health checks: your consultation is starting (#" + check.id() + ")",
                        "Health checks: your health check is complete (#" + check.id() + ")");
        assertThat(Smtp.receivedBy(CONSULTANT)).hasSize(2);
        for (MimeMessage message : Smtp.received()) {
            assertThat(Smtp.part(message, "text/plain")).contains("#" + check.id());
            assertThat(Smtp.part(message, "text/html")).contains("#" + check.id());
            assertThat(Smtp.part(message, "text/plain")).doesNotContain("drink more water");
        }
        assertThat(Smtp.part(Smtp.receivedBy(PATIENT).get(2), "text/plain"))
                .contains("recommends a follow-up check");
    }

    @Test
    void aCancelledCheckIsMailedToThePatient() {
        HealthCheck check = request("pat", MEDICAL, URGENT);
        runJobs();

        healthChecks.cancel(check.id(), "feeling better", caller("pat", Role.PATIENT));
        runJobs();

        assertThat(Smtp.receivedBy(PATIENT))
                .extracting(NotificationTests::subject)
                .last()
                .isEqualTo("Health checks: your health check is cancelled (#" + check.id() + ")");
        assertThat(row(check, "patient", "check_cancelled")).containsEntry("status", "sent");
    }

    @Test
    void aCheckStillWaitingAtItsDueTimeAlertsTheManagersOnceAndOffersThemTheTask() {
        // urgent checks are due within 15 minutes; this one was asked for 10 minutes ago
        Instant requestedAt = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(SECONDS);
        long id = backlog("pat", NUTRITION, URGENT, requestedAt.toString());
        sweep();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(6))));

        runJobs();
        runJobs();

        MimeMessage alert = Smtp.receivedBy("mara@example.test").stream().findFirst().orElseThrow();
        assertThat(Smtp.receivedBy("mara@example.test")).hasSize(1);
        assertThat(subject(alert)).endsWith("has waited past its service level (#" + id + ")");
        String reason =
                WaitReason.valueOf(check(id).waitReason().toUpperCase(Locale.ROOT)).explanation();
        assertThat(Smtp.part(alert, "text/plain"))
                .contains(reason)
                .contains(MINUTES_UTC.format(requestedAt.atOffset(ZoneOffset.UTC)));
        assertThat(Smtp.part(alert, "text/html")).contains(reason);
        assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);
        assertThat(runtime.getActiveActivityIds(check(id).processInstanceId()))
                .containsExactlyInAnyOrder(
                        HealthCheckProcess.WAIT_FOR_CONSULTANT, HealthCheckProcess.ASSIGN_MANUALLY);
    }

    @Test
    void aCheckImportedPastItsDueTimeAlertsNobodyAndRaisesNoTask() {
        long id = backlog("pat", NUTRITION, URGENT, "2026-01-05T08:00:00Z");
        sweep();

        runJobs();
        runJobs();

        assertThat(Smtp.received()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification", Integer.class))
                .isZero();
        assertThat(check(id).status()).isEqualTo(CheckStatus.PENDING);
        assertThat(runtime.getActiveActivityIds(check(id).processInstanceId()))
                .containsExactly(HealthCheckProcess.WAIT_FOR_CONSULTANT);
    }

    @Test
    void aPatientWhoOptsOutWhenRequestingGetsNoMailWhileTheConsultantStillDoes() throws Exception {
        mvc.perform(
                        post("/api/health-checks")
                                .with(httpBasic("pat", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                        {"checkType": "medical", "priority": "urgent",
                                         "mailOptOut": true}
                                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mailOptOut").value(true));
        long id = jdbc.queryForObject("SELECT MAX(id) FROM health_check", Long.class);

        runJobs();

        assertThat(Smtp.receivedBy(PATIENT)).isEmpty();
        assertThat(Smtp.receivedBy(CONSULTANT)).hasSize(1);
        assertThat(row(check(id), "patient"))
                .containsEntry("status", "suppressed")
                .containsEntry("last_error", "the patient opted out of mail");
    }

    @Test
    void adminsListTheMessagesByStatusKindAndCheckAndNobodyElseMay() throws Exception {
        HealthCheck check = request("pat", MEDICAL, URGENT);
        runJobs();

        mvc.perform(
                        get("/api/notifications")
                                .param("status", "sent")
                                .param("kind", "consultant_assigned")
                                .param("checkId", Long.toString(check.id()))
                                .with(httpBasic("root", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(
                        jsonPath("$.items[*].recipientRole")
                                .value(containsInAnyOrder("patient", "consultant")));
        mvc.perform(
                        get("/api/notifications")
                                .param("status", "failed")
                                .with(httpBasic("root", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/notifications").with(httpBasic("mara", PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadFilterIsRefusedNamingTheField() throws Exception {
        for (var bad :
                Map.of(
                                "status", "bounced",
                                "kind", "reminder",
                                "checkId", "abc",
                                "from", "yesterday",
                                "size", "500")
                        .entrySet()) {
            mvc.perform(
                            get("/api/notifications")
                                    .param(bad.getKey(), bad.getValue())
                                    .with(httpBasic("root", PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(bad.getKey()));
        }
    }

    // --- helpers

    private String job(HealthCheck check, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(check.processInstanceId())
                .activityId(activityId)
                .singleResult()
                .getId();
    }

    private long incidents(HealthCheck check) {
        return runtime.createIncidentQuery().processInstanceId(check.processInstanceId()).count();
    }

    private Map<String, Object> row(HealthCheck check, String role) {
        return row(check, role, "consultant_assigned");
    }

    private Map<String, Object> row(HealthCheck check, String role, String kind) {
        Map<String, Object> row =
                jdbc.queryForMap(
                        "SELECT * FROM notification WHERE health_check_id = ? AND kind = ?"
                                + " AND recipient_role = ? ORDER BY id DESC LIMIT 1",
                        check.id(),
                        kind,
                        role);
        // column names differ in case between H2 and PostgreSQL
        var lower = new HashMap<String, Object>();
        row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
