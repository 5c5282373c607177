package clinic.healthcheck.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.HealthCheckApplication;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.consultants.RosterEntry;
import clinic.healthcheck.support.EmbeddedPostgres;
import clinic.healthcheck.support.Invariants;
import clinic.healthcheck.support.Smtp;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the service on one PostgreSQL database, as Camunda's cluster model runs them: each
 * with its web server, its job executor and the sweep timer. Requests, cancellations and
 * availability changes reach both nodes at once while both sweep; afterwards nothing is over
 * capacity or assigned twice, every check has one process instance that stands where its status
 * says, and every message went out once.
 */
class TwoNodesOnOnePostgresIT {

    private static final String PASSWORD = "secret";
    private static final int CONSULTANTS = 12;
    private static final int PATIENTS = 30;
    private static final int REQUESTS = 90;
    private static final int AVAILABILITY_CHANGES = 60;
    private static final List<String> TYPES =
            List.of("medical", "nutrition", "wellness", "follow_up", "initial");
    private static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTwoNodes() {
        Smtp.reset();
        String database = EmbeddedPostgres.createDatabase("two_nodes");
        // one after the other: the first creates the schema and deploys the models
        nodeA = start("nodeA", database);
        nodeB = start("nodeB", database);
        people(nodeA);
    }

    @AfterAll
    static void stopBothNodes() {
        for (var node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void requestsAndAvailabilityChangesOnBothNodesAtOnceKeepEveryInvariant() throws Exception {
        var created = new ConcurrentLinkedQueue<Long>();
        List<Callable<Void>> firstWave = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int n = i;
            firstWave.add(() -> request(node(n), "p" + n % PATIENTS, n, created));
        }
        for (int i = 0; i < AVAILABILITY_CHANGES; i++) {
            int n = i;
            firstWave.add(() -> changeAvailability(node(n + 1), "c" + n % CONSULTANTS, n));
        }
        runAtOnce(firstWave);

        // a second wave frees slots: cancellations and consultants back, again on both nodes
        List<Callable<Void>> secondWave = new ArrayList<>();
        List<Long> ids = List.copyOf(created);
        for (int i = 0; i < ids.size(); i += 4) {
            long id = ids.get(i);
            int n = i;
            secondWave.add(() -> cancel(node(n), id));
        }
        for (int i = 0; i < CONSULTANTS; i++) {
            int n = i;
            secondWave.add(
                    () -> {
                        send(node(n), "PATCH", availability("c" + n), "mara", available(), 200);
                        return null;
                    });
        }
        runAtOnce(secondWave);

        awaitQuiet();

        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        Invariants.assertHold(
                nodeA.getBean(ConsultantRepository.class),
                jdbc,
                nodeA.getBean(RuntimeService.class));
        assertThat(ids).hasSize(REQUESTS);
        assertOneProcessInstancePerCheck(jdbc);
        assertCancelledChecksEnded(jdbc);
        assertEveryMessageWentOutOnce(jdbc);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM health_check WHERE status = 'assigned'"))
                .as("assignments made")
                .isPositive();
    }

    private static ConfigurableApplicationContext start(String name, String database) {
        return new SpringApplicationBuilder(HealthCheckApplication.class)
                .run(
                        "--spring.profiles.active=test",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.address=127.0.0.1",
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=" + name,
                        "--camunda.bpm.job-execution.enabled=true",
                        // pick up at once what the other node leaves: no long idle waits
                        "--camunda.bpm.job-execution.wait-time-in-millis=100",
                        "--camunda.bpm.job-execution.max-wait=500",
                        "--clinic.assignment.sweep.cycle=R/PT1S",
                        "--spring.mail.host=" + Smtp.HOST,
                        "--spring.mail.port=" + Smtp.port(),
                        "--spring.mail.properties.mail.smtp.auth=false",
                        "--spring.mail.properties.mail.smtp.starttls.enable=false",
                        "--spring.mail.properties.mail.smtp.starttls.required=false");
    }

    /**
     * Patients, a manager and consultants with room for about half the requests, in the groups the
     * service made at start-up.
     */
    private static void people(ConfigurableApplicationContext node) {
        IdentityService identity = node.getBean(IdentityService.class);
        login(identity, "mara", "managers");
        for (int i = 0; i < PATIENTS; i++) {
            login(identity, "p" + i, "patients");
        }

        ConsultantRepository consultants = node.getBean(ConsultantRepository.class);
        for (int i = 0; i < CONSULTANTS; i++) {
            consultants.upsert(
                    new RosterEntry(
                            "c" + i,
                            "c" + i + "@example.test",
                            null,
                            i % 2 == 0 ? "Medical Staff" : "Nutrition",
                            i % 3 == 0
                                    ? EnumSet.noneOf(CheckType.class)
                                    : EnumSet.of(CheckType.WELLNESS, CheckType.FOLLOW_UP),
                            1 + i % 3,
                            0,
                            new BigDecimal("3." + i % 10),
                            i % 4 == 0 ? ConsultantStatus.OFFLINE : ConsultantStatus.AVAILABLE),
                    Instant.now());
        }
    }

    private static void login(IdentityService identity, String id, String group) {
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        user.setEmail(id + "@example.test");
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private static ConfigurableApplicationContext node(int n) {
        return n % 2 == 0 ? nodeA : nodeB;
    }

    private Void request(
            ConfigurableApplicationContext node,
            String patient,
            int n,
            ConcurrentLinkedQueue<Long> created)
            throws Exception {
        String body =
                """
                {"checkType":"%s","priority":"%s","description":"two nodes"}
                """
                        .formatted(TYPES.get(n % TYPES.size()), PRIORITIES.get(n / 5 % 4));
        String answer = send(node, "POST", "/api/health-checks", patient, body, 201);
        created.add(json.readTree(answer).get("id").asLong());
        return null;
    }

    /**
     * Back, away, a larger maximum, back again, in turn. A maximum is never lowered here: below the
     * checks a consultant holds it would leave them over it until those are done.
     */
    private Void changeAvailability(ConfigurableApplicationContext node, String consultant, int n)
            throws Exception {
        String body =
                switch (n % 4) {
                    case 1 -> "{\"status\":\"offline\"}";
                    case 2 -> "{\"maxConcurrentChecks\":3}";
                    default -> available();
                };
        send(node, "PATCH", availability(consultant), "mara", body, 200);
        return null;
    }

    /**
     * Cancels as a client should: a 409 says the check changed meanwhile (a notify step ran on it
     * on the other node, say), so it tries again.
     */
    private Void cancel(ConfigurableApplicationContext node, long id) throws Exception {
        String path = "/api/health-checks/" + id + "/cancel";
        String body = "{\"reason\":\"two nodes\"}";
        for (int attempt = 1; attempt < 10; attempt++) {
            if (call(node, "POST", path, "mara", body).statusCode() != 409) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(
                        json.readTree(
                                        send(
                                                node,
                                                "GET",
                                                "/api/health-checks/" + id,
                                                "mara",
                                                "",
                                                200))
                                .get("status")
                                .asText())
                .as("check %s", id)
                .isEqualTo("cancelled");
        return null;
    }

    private static String availability(String consultant) {
        return "/api/availability?consultant=" + consultant;
    }

    private static String available() {
        return "{\"status\":\"available\"}";
    }

    private String send(
            ConfigurableApplicationContext node,
            String method,
            String path,
            String user,
            String body,
            int expected)
            throws Exception {
        HttpResponse<String> response = call(node, method, path, user, body);
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(expected);
        return response.body();
    }

    private HttpResponse<String> call(
            ConfigurableApplicationContext node,
            String method,
            String path,
            String user,
            String body)
            throws Exception {
        int port = ((ServletWebServerApplicationContext) node).getWebServer().getPort();
        String login = user + ":" + PASSWORD;
        var request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        login.getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Runs every call from eight threads, all let go at the same moment. */
    private static void runAtOnce(List<Callable<Void>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> call : calls) {
                running.add(
                        threads.submit(
                                () -> {
                                    start.await();
                                    return call.call();
                                }));
            }
            start.countDown();
            for (Future<Void> call : running) {
                call.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Waits until both job executors have run every job that is due (the notify steps and offers of
     * freed slots), then stops them, so the sweeps leave the state as it is.
     */
    private static void awaitQuiet() throws InterruptedException {
        var management = nodeA.getBean(ProcessEngine.class).getManagementService();
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (management.createJobQuery().messages().executable().count() > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        // a last sweep on each node sees the final state, then the executors stop
        Thread.sleep(1500);
        for (var node : List.of(nodeA, nodeB)) {
            var engine =
                    (ProcessEngineConfigurationImpl)
                            node.getBean(ProcessEngine.class).getProcessEngineConfiguration();
            engine.getJobExecutor().shutdown();
        }
        while (count(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL") > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(management.createJobQuery().messages().executable().count())
                .as("steps still to run")
                .isZero();
    }

    private static void assertOneProcessInstancePerCheck(JdbcTemplate jdbc) {
        assertThat(
                        jdbc.queryForList(
                                "SELECT h.id FROM health_check h WHERE (SELECT COUNT(*)"
                                        + " FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ ="
                                        + " CAST(h.id AS VARCHAR(20))) <> 1"
                                        + " OR NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p"
                                        + " WHERE p.ID_ = h.process_instance_id)"))
                .as("checks without exactly one process instance")
                .isEmpty();
    }

    private static void assertCancelledChecksEnded(JdbcTemplate jdbc) {
        assertThat(
                        jdbc.queryForList(
                                "SELECT h.id FROM health_check h WHERE h.status = 'cancelled'"
                                        + " AND EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e"
                                        + " WHERE e.PROC_INST_ID_ = h.process_instance_id)"))
                .as("cancelled checks whose process still runs")
                .isEmpty();
    }

    /** One message per check, kind and recipient: none twice, none recorded as sent but lost. */
    private static void assertEveryMessageWentOutOnce(JdbcTemplate jdbc) throws Exception {
        List<MimeMessage> received = Smtp.received();
        List<String> keys = new ArrayList<>();
        for (MimeMessage message : received) {
            keys.add(message.getAllRecipients()[0] + " " + message.getSubject());
        }
        Map<String, Long> times =
                keys.stream().collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        assertThat(times)
                .as("messages received more than once")
                .allSatisfy(
                        (key, n) -> {
                            assertThat(n).as(key).isEqualTo(1);
                        });
        assertThat(received)
                .hasSize(count(jdbc, "SELECT COUNT(*) FROM notification WHERE status = 'sent'"));

        Set<String> patientsTold = Set.copyOf(keys);
        for (Map<String, Object> row :
                jdbc.queryForList(
                        "SELECT h.id, h.patient_username FROM health_check h WHERE EXISTS"
                                + " (SELECT 1 FROM assignment_log l WHERE l.health_check_id = h.id"
                                + " AND l.result = 'success')")) {
            assertThat(patientsTold)
                    .as("patient told of the assignment of check %s", row.get("id"))
                    .anyMatch(
                            key ->
                                    key.startsWith(row.get("patient_username") + "@")
                                            && key.contains("assigned")
                                            && key.endsWith("(#" + row.get("id") + ")"));
        }
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
