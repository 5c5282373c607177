package clinic.healthcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.healthcheck.checks.CheckStatus;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.people.Directory;
import clinic.healthcheck.support.Smtp;
import clinic.healthcheck.system.EngineTransactions;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Every kind of message through a real SMTP server (GreenMail): who gets it, its subject, both
 * bodies, and the privacy switches. The tables and the engine are stand-ins here; the same path
 * runs on real databases in {@code NotificationTests}.
 */
class NotificationMailTest {

    private static final Instant NOW = Instant.parse("2026-03-02T11:00:00Z");
    private static final String PATIENT = "pat@home.test";
    private static final String CONSULTANT = "carla@clinic.test";
    private static final String DESCRIPTION = "Headache since Monday";
    private static final String NOTES = "Blood pressure 150/95";
    private static final String RECOMMENDATIONS = "Less salt, walk daily";

    private final HealthCheckRepository checks = mock(HealthCheckRepository.class);
    private final ConsultantRepository consultants = mock(ConsultantRepository.class);
    private final Directory directory = mock(Directory.class);
    private final NotificationRepository records = mock(NotificationRepository.class);
    private final EngineTransactions transactions = mock(EngineTransactions.class);

    @BeforeEach
    void people() {
        Smtp.reset();
        when(transactions.inNewTransaction(any()))
                .thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        when(records.open(anyLong(), any(), any())).thenReturn(NotificationStatus.PENDING);
        when(directory.firstNameOf("pat")).thenReturn(Optional.of("Pat"));
        when(directory.emailOf(any())).thenReturn(Optional.empty());
        when(directory.fullNameOf(any())).thenReturn(Optional.empty());
        when(directory.emailsOfGroup("managers"))
                .thenReturn(List.of("mara@clinic.test", "max@clinic.test"));
        when(consultants.findById(7L))
                .thenReturn(
                        Optional.of(
                                new Consultant(
                                        7,
                                        "carla",
                                        CONSULTANT,
                                        "Carla Jones",
                                        ConsultantStatus.AVAILABLE,
                                        1,
                                        0,
                                        2,
                                        "Medical Staff",
                                        Set.of(),
                                        null,
                                        new BigDecimal("4.8"),
                                        12,
                                        NOW)));
    }

    @Test
    void theAssignmentTellsThePatientWhoTheConsultantIsAndConfirmsToTheConsultant() {
        given(check(CheckStatus.ASSIGNED, false));

        notifier(false).deliver(42, NotificationKind.CONSULTANT_ASSIGNED, null);

        assertThat(Smtp.received()).hasSize(2);
        MimeMessage patient = only(PATIENT);
        assertThat(subject(patient))
                .isEqualTo("Riverside Clinic: a consultant is assigned to your health check (#42)");
        assertThat(bodies(patient))
                .allSatisfy(
                        body ->
                                assertThat(body)
                                        .contains("Pat,")
                                        .contains("#42")
                                        .contains("Carla Jones")
                                        .contains("Medical Staff")
                                        .contains("4.8")
                                        .contains("care@riverside.test"));
        MimeMessage consultant = only(CONSULTANT);
        assertThat(subject(consultant))
                .isEqualTo("Riverside Clinic: a health check is assigned to you (#42)");
        assertThat(bodies(consultant))
                .allSatisfy(
                        body -> assertThat(body).contains("#42").contains("Start consultation"));
    }

    @Test
    void theStartOfTheConsultationAsksThePatientToHaveTheirMedicalInformationAtHand() {
        given(check(CheckStatus.IN_PROGRESS, false));

        notifier(false).deliver(42, NotificationKind.CONSULTATION_STARTED, null);

        MimeMessage patient = only(PATIENT);
        assertThat(Smtp.received()).hasSize(1);
        assertThat(subject(patient)).contains("your consultation is starting");
        assertThat(bodies(patient))
                .allSatisfy(
                        body ->
                                assertThat(body)
                                        .contains("Carla Jones is ready")
                                        .contains("medical information at hand"));
    }

    @Test
    void theCompletionLeavesNotesAndRecommendationsOutOfMailByDefault() {
        given(check(CheckStatus.COMPLETED, false));

        notifier(false).deliver(42, NotificationKind.CHECK_COMPLETED, true);

        assertThat(Smtp.received()).hasSize(2);
        MimeMessage patient = only(PATIENT);
        assertThat(subject(patient)).contains("your health check is complete");
        assertThat(bodies(patient))
                .allSatisfy(
                        body ->
                                assertThat(body)
                                        .contains("Recommendations")
                                        .contains("sign in to read them")
                                        .contains("Next steps")
                                        .contains("recommends a follow-up check"));
        assertThat(subject(only(CONSULTANT)))
                .isEqualTo("Riverside Clinic: your consultation is recorded (#42)");
        assertThat(bodies(only(CONSULTANT)))
                .allSatisfy(body -> assertThat(body).contains("is recorded"));
        assertNoClinicalText();
    }

    @Test
    void theCompletionCarriesNotesAndRecommendationsWhenClinicalTextIsSwitchedOn() {
        given(check(CheckStatus.COMPLETED, false));

        notifier(true).deliver(42, NotificationKind.CHECK_COMPLETED, false);

        assertThat(bodies(only(PATIENT)))
                .allSatisfy(
                        body ->
                                assertThat(body)
                                        .contains(RECOMMENDATIONS)
                                        .contains("No follow-up check is needed")
                                        .doesNotContain("sign in to read them")
                                        .doesNotContain(NOTES));
        assertThat(bodies(only(CONSULTANT)))
                .allSatisfy(body -> assertThat(body).contains(NOTES).contains(RECOMMENDATIONS));
    }

    @Test
    void theCancellationTellsThePatientAndGivesTheReasonOnlyWhenClinicalTextIsSwitchedOn() {
        given(check(CheckStatus.CANCELLED, false));

        notifier(false).deliver(42, NotificationKind.CHECK_CANCELLED, null);
        MimeMessage withoutReason = only(PATIENT);
        Smtp.reset();
        notifier(true).deliver(42, NotificationKind.CHECK_CANCELLED, null);

        assertThat(subject(withoutReason)).contains("your health check is cancelled");
        assertThat(bodies(withoutReason))
                .allSatisfy(
                        body ->
                                assertThat(body)
                                        .contains("#42")
                                        .contains("is cancelled")
                                        .doesNotContain("Reason given"));
        assertThat(bodies(only(PATIENT)))
                .allSatisfy(body -> assertThat(body).contains("Reason given: feeling better"));
    }

    @Test
    void aBreachedServiceLevelTellsEveryManagerWhichCheckWaitsHowLongAndWhy() {
        given(check(CheckStatus.PENDING, false));

        notifier(false).deliver(42, NotificationKind.SERVICE_LEVEL_BREACHED, null);

        assertThat(Smtp.received()).hasSize(2);
        for (String manager : List.of("mara@clinic.test", "max@clinic.test")) {
            MimeMessage alert = only(manager);
            assertThat(subject(alert))
                    .isEqualTo(
                            "Riverside Clinic: a health check has waited past its service level"
                                    + " (#42)");
            assertThat(bodies(alert))
                    .allSatisfy(
                            body ->
                                    assertThat(body)
                                            .contains("#42")
                                            .contains("priority urgent")
                                            .contains("2026-03-02 09:15 UTC")
                                            .contains("2 hours")
                                            .contains(
                                                    "every fitting available consultant is at"
                                                            + " their maximum"));
        }
        assertNoClinicalText();
    }

    @Test
    void aBreachAlertGoesToTheFallbackAddressWhenNoManagerHasOne() {
        given(check(CheckStatus.PENDING, false));
        when(directory.emailsOfGroup("managers")).thenReturn(List.of());

        notifier(false).deliver(42, NotificationKind.SERVICE_LEVEL_BREACHED, null);

        assertThat(only("duty@riverside.test")).isNotNull();
    }

    @Test
    void aBreachAlertIsHeldBackWhenTheCheckWasAssignedBeforeItsJobRan() {
        given(check(CheckStatus.ASSIGNED, false));

        notifier(false).deliver(42, NotificationKind.SERVICE_LEVEL_BREACHED, null);

        assertThat(Smtp.received()).isEmpty();
        verify(records, times(2))
                .markSuppressed(eq(42L), any(), eq("the check no longer waits (assigned)"));
    }

    @Test
    void withMailSwitchedOffNoKindIsMailedAndEveryMessageIsRecordedAsSuppressed() {
        given(check(CheckStatus.ASSIGNED, false));
        var off = properties(false, false);

        for (NotificationKind kind : NotificationKind.values()) {
            notifier(off).deliver(42, kind, null);
        }

        assertThat(Smtp.received()).isEmpty();
        // patient and consultant twice, the patient alone twice, two managers
        verify(records, times(8))
                .markSuppressed(
                        eq(42L),
                        any(),
                        eq("mail is switched off (clinic.notifications.enabled=false)"));
        verify(records, never()).markSent(anyLong(), any(), any());
    }

    @Test
    void aPatientWhoOptedOutGetsNoMailOfAnyKindWhileTheConsultantStillDoes() {
        given(check(CheckStatus.COMPLETED, true));

        for (NotificationKind kind : NotificationKind.values()) {
            if (kind != NotificationKind.SERVICE_LEVEL_BREACHED) {
                notifier(false).deliver(42, kind, null);
            }
        }

        assertThat(Smtp.receivedBy(PATIENT)).isEmpty();
        assertThat(Smtp.receivedBy(CONSULTANT)).hasSize(2);
        verify(records, times(4))
                .markSuppressed(eq(42L), any(), eq("the patient opted out of mail"));
    }

    @Test
    void whatPeopleWroteIsEscapedInTheHtmlPartAndKeptAsWrittenInTheTextPart() {
        when(checks.findById(42L))
                .thenReturn(
                        Optional.of(
                                check(CheckStatus.COMPLETED, false, "<b>rest</b> & drink", null)));

        notifier(true).deliver(42, NotificationKind.CHECK_COMPLETED, false);

        MimeMessage patient = only(PATIENT);
        assertThat(Smtp.part(patient, "text/html"))
                .contains("&lt;b&gt;rest&lt;/b&gt; &amp; drink")
                .doesNotContain("<b>rest</b>");
        assertThat(Smtp.part(patient, "text/plain")).contains("<b>rest</b> & drink");
    }

    @Test
    void anAddressInAnSmtpErrorIsMaskedBeforeTheErrorIsStoredOrLogged() {
        var failure =
                new IllegalStateException(
                        "send failed",
                        new RuntimeException("550 5.1.1 <pat@home.test>: Recipient rejected"));

        assertThat(MailErrors.describe(failure))
                .isEqualTo("java.lang.RuntimeException: 550 5.1.1 <<address>>: Recipient rejected");
    }

    // --- helpers

    private void given(HealthCheck check) {
        when(checks.findById(42L)).thenReturn(Optional.of(check));
    }

    private HealthCheck check(CheckStatus status, boolean mailOptOut) {
        return check(status, mailOptOut, RECOMMENDATIONS, "feeling better");
    }

    private HealthCheck check(
            CheckStatus status, boolean mailOptOut, String recommendations, String cancelReason) {
        Instant created = NOW.minus(Duration.ofHours(2));
        return new HealthCheck(
                42,
                "pat",
                PATIENT,
                CheckType.MEDICAL,
                Priority.URGENT,
                status,
                status == CheckStatus.PENDING ? null : 7L,
                status == CheckStatus.PENDING ? null : "carla",
                true,
                null,
                DESCRIPTION,
                "Asthma",
                NOTES,
                recommendations,
                "all_full",
                cancelReason,
                "instance-42",
                created,
                created.plus(Duration.ofMinutes(15)),
                null,
                null,
                null,
                null,
                null,
                mailOptOut);
    }

    private Notifier notifier(boolean includeClinicalText) {
        return notifier(properties(true, includeClinicalText));
    }

    private Notifier notifier(NotificationProperties properties) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(Smtp.HOST);
        sender.setPort(Smtp.port());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var composer =
                new MessageComposer(consultants, directory, new MailTemplates(), properties, clock);
        var mailbox = new Mailbox(sender, Smtp.HOST, properties);
        return new Notifier(checks, composer, mailbox, records, transactions, properties, clock);
    }

    private static NotificationProperties properties(boolean enabled, boolean clinical) {
        return new NotificationProperties(
                enabled,
                clinical,
                "Riverside Clinic",
                "no-reply@riverside.test",
                "care@riverside.test",
                "managers",
                "duty@riverside.test");
    }

    private static MimeMessage only(String address) {
        List<MimeMessage> messages = Smtp.receivedBy(address);
        assertThat(messages).as("mail to %s", address).hasSize(1);
        return messages.get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text part and the HTML part as a reader sees them: tags dropped, spaces collapsed. */
    private static List<String> bodies(MimeMessage message) {
        String text = Smtp.part(message, "text/plain");
        String html = Smtp.part(message, "text/html").replaceAll("<[^>]+>", " ");
        return List.of(readable(text), readable(html));
    }

    private static String readable(String body) {
        return body.replaceAll("\\s+", " ").replace(" ,", ",").replace(" .", ".");
    }

    /** Nothing the patient or the consultant wrote about the patient's health left the service. */
    private static void assertNoClinicalText() {
        for (MimeMessage message : Smtp.received()) {
            assertThat(bodies(message))
                    .allSatisfy(
                            body ->
                                    assertThat(body)
                                            .doesNotContain(DESCRIPTION)
                                            .doesNotContain("Asthma")
                                            .doesNotContain(NOTES)
                                            .doesNotContain(RECOMMENDATIONS));
        }
    }
}
