package clinic.healthcheck.support;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.assignment.AssignmentListener;
import clinic.healthcheck.assignment.AssignmentService;
import clinic.healthcheck.assignment.AssignmentTotals;
import clinic.healthcheck.assignment.Trigger;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckProcess;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.HealthCheckRepository.NewHealthCheck;
import clinic.healthcheck.checks.HealthCheckService;
import clinic.healthcheck.checks.HealthCheckService.BackloggedRequest;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.consultants.RosterEntry;
import clinic.healthcheck.people.Caller;
import clinic.healthcheck.people.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a real database and a real web server on a random port (the webapps and the
 * engine's REST API are served by Jersey, which MockMvc does not reach), one clean slate per test.
 * Subclasses per database run the same tests on H2 and on PostgreSQL. Jobs run only when a test
 * runs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class ServiceTestBase {

    public static final String PASSWORD = "secret";

    @Autowired protected HealthCheckService healthChecks;
    @Autowired protected HealthCheckRepository checkRows;
    @Autowired protected ConsultantRepository consultantRows;
    @Autowired protected AssignmentService assignment;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected ManagementService management;
    @Autowired protected RepositoryService repository;
    @Autowired protected IdentityService identity;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected ProcessEngine engine;

    /** Tests that move the engine's clock leave it as they found it. */
    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @BeforeEach
    void cleanSlate() {
        // The webapps and the engine's REST API look the engine up by name ("default") in a
        // registry of the JVM, where the test context started last has put its own: this one's.
        ProcessEngines.registerProcessEngine(engine);
        identity.clearAuthentication();
        List<String> instances =
                runtime.createProcessInstanceQuery().list().stream().map(p -> p.getId()).toList();
        if (!instances.isEmpty()) {
            runtime.deleteProcessInstances(instances, "test reset", true, true);
        }
        jdbc.update("DELETE FROM notification");
        jdbc.update("DELETE FROM assignment_log");
        jdbc.update("DELETE FROM health_check");
        jdbc.update("DELETE FROM consultant_availability");
    }

    /** A consultant with a login in the given group; {@code preferred} is "a;b" or "". */
    protected Consultant consultant(
            String username,
            String specialization,
            String preferred,
            int max,
            String rating,
            ConsultantStatus status) {
        return consultant(username, specialization, preferred, max, 0, rating, status);
    }

    protected Consultant consultant(
            String username,
            String specialization,
            String preferred,
            int max,
            int carriedLoad,
            String rating,
            ConsultantStatus status) {
        Set<CheckType> types = EnumSet.noneOf(CheckType.class);
        Arrays.stream(preferred.split(";"))
                .filter(code -> !code.isBlank())
                .map(CheckType::fromCode)
                .forEach(types::add);
        consultantRows.upsert(
                new RosterEntry(
                        username,
                        null,
                        null,
                        specialization,
                        types,
                        max,
                        carriedLoad,
                        rating == null ? null : new BigDecimal(rating),
                        status),
                Instant.now());
        login(
                username,
                specialization.equalsIgnoreCase("Nutrition") ? "nutritionists" : "medical-staff");
        return consultantRows.findByUsername(username).orElseThrow();
    }

    /** A request from before, waiting as pending, made at the given UTC time. */
    protected long backlog(String patient, CheckType type, Priority priority, String requestedAt) {
        var request = new NewHealthCheck(patient, null, type, priority, null, "test", null);
        return healthChecks
                .requestAll(List.of(new BackloggedRequest(request, Instant.parse(requestedAt))))
                .get(0);
    }

    /**
     * An urgent check taken in now and still waiting once the engine's clock has passed its due
     * time: its managers' task is raised and the breach alert waits as a job.
     */
    protected long escalated(String patient, CheckType type) {
        long id = backlog(patient, type, Priority.URGENT, Instant.now().toString());
        Instant dueAt = check(id).dueAt();
        ClockUtil.setCurrentTime(Date.from(dueAt.plus(Duration.ofMinutes(1))));
        var timer =
                management
                        .createJobQuery()
                        .processInstanceId(check(id).processInstanceId())
                        .timers()
                        .executable()
                        .singleResult();
        management.executeJob(timer.getId());
        assertThat(runtime.getActiveActivityIds(check(id).processInstanceId()))
                .contains(HealthCheckProcess.ASSIGN_MANUALLY);
        return id;
    }

    /** A request through the same path as the API, with its immediate attempt. */
    protected HealthCheck request(String patient, CheckType type, Priority priority) {
        return healthChecks.request(
                new NewHealthCheck(patient, null, type, priority, null, "test", null));
    }

    protected AssignmentTotals sweep() {
        return assignment.sweep(Trigger.SWEEP, false, AssignmentListener.NONE);
    }

    protected HealthCheck check(long id) {
        return checkRows.findById(id).orElseThrow();
    }

    protected Consultant consultant(String username) {
        return consultantRows.findByUsername(username).orElseThrow();
    }

    protected static Caller caller(String username, Role... roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(Arrays.asList(roles));
        return new Caller(username, set);
    }

    /** Runs every due job, including those the jobs create, as the job executor would. */
    protected void runJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** Runs the work as the signed-in member of the group, as the webapps call the engine. */
    protected <T> T as(String user, String group, Supplier<T> work) {
        identity.setAuthentication(user, List.of(group));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A login in the identity service, created once, member of the group. */
    protected void login(String username, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            var created = identity.newGroup(group);
            created.setName(group);
            identity.saveGroup(created);
        }
        if (identity.createUserQuery().userId(username).count() == 0) {
            User user = identity.newUser(username);
            user.setPassword(PASSWORD);
            user.setEmail(username + "@example.test");
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(username).memberOfGroup(group).count() == 0) {
            identity.createMembership(username, group);
        }
    }

    /**
     * The invariants that must hold whatever happened: nobody over capacity, every stored load
     * equal to what the consultant holds, each check's status matching where its process instance
     * stands, and at most one successful assignment per check.
     */
    protected void assertInvariants() {
        Invariants.assertHold(consultantRows, jdbc, runtime);
    }
}
