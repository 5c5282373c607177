package clinic.healthcheck.system;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheckRepository.NewHealthCheck;
import clinic.healthcheck.checks.HealthCheckService;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.cli.CommandLineMode;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.consultants.RosterEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's people and work, created once on an empty database: users in the identity
 * service (in the groups every profile has), consultants with their availability, and a few
 * requests, some of which wait. No other profile creates any of it.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(
        name = CommandLineMode.ACTIVE_PROPERTY,
        havingValue = "false",
        matchIfMissing = true)
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    static final String PASSWORD = "demo";

    private final IdentityService identity;
    private final ConsultantRepository consultants;
    private final HealthCheckService checks;
    private final Clock clock;

    DemoData(
            IdentityService identity,
            ConsultantRepository consultants,
            HealthCheckService checks,
            Clock clock) {
        this.identity = identity;
        this.consultants = consultants;
        this.checks = checks;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!consultants.findAll().isEmpty()) {
            return;
        }

        createUser("mara", "Mara", "Manager", "managers");
        createUser("ana", "Ana", "Analyst", "analysts");
        createUser("pat", "Pat", "Patient", "patients");
        createUser("paula", "Paula", "Patient", "patients");
        createUser("carla", "Carla", "Consultant", "medical-staff");
        createUser("dana", "Dana", "Consultant", "medical-staff");
        createUser("nico", "Nico", "Nutritionist", "nutritionists");

        var now = clock.instant();
        consultants.upsert(
                consultant(
                        "carla", "Medical Staff", Set.of(), 2, "4.8", ConsultantStatus.AVAILABLE),
                now);
        consultants.upsert(
                consultant(
                        "dana",
                        "Medical Staff",
                        Set.of(CheckType.MEDICAL),
                        3,
                        null,
                        ConsultantStatus.OFFLINE),
                now);
        consultants.upsert(
                consultant(
                        "nico",
                        "Nutrition",
                        Set.of(CheckType.NUTRITION, CheckType.WELLNESS),
                        3,
                        "4.5",
                        ConsultantStatus.BREAK),
                now);

        request("pat", CheckType.MEDICAL, Priority.URGENT, "Dizzy spells since yesterday");
        request("paula", CheckType.NUTRITION, Priority.NORMAL, "Diet plan after surgery");
        request("paula", CheckType.WELLNESS, Priority.HIGH, "Routine monthly check");
        request("pat", CheckType.NUTRITION, Priority.LOW, "Questions about a food allergy");
        request("pat", CheckType.INITIAL, Priority.NORMAL, "First assessment");
        LOG.info(
                "Demo data created: users with password '{}', 3 consultants, 5 requests", PASSWORD);
    }

    private void createUser(String id, String first, String last, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@clinic.example.test");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        identity.createMembership(id, group);
    }

    private static RosterEntry consultant(
            String username,
            String specialization,
            Set<CheckType> preferred,
            int max,
            String rating,
            ConsultantStatus status) {
        return new RosterEntry(
                username,
                username + "@clinic.example.test",
                null,
                specialization,
                preferred.isEmpty() ? EnumSet.noneOf(CheckType.class) : EnumSet.copyOf(preferred),
                max,
                0,
                rating == null ? null : new BigDecimal(rating),
                status);
    }

    private void request(String patient, CheckType type, Priority priority, String description) {
        checks.request(
                new NewHealthCheck(
                        patient,
                        patient + "@clinic.example.test",
                        type,
                        priority,
                        null,
                        description,
                        null));
    }
}
