package clinic.healthcheck.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.healthcheck.support.ProcessTests;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outside the demo profile nobody signs in as admin with a password anyone would guess. */
class AdminAccountTest {

    @RegisterExtension
    static ProcessEngineExtension engine =
            ProcessEngineExtension.builder().configurationResource(ProcessTests.ENGINE).build();

    private IdentityService identity;

    @BeforeEach
    void adminsGroup() {
        identity = engine.getIdentityService();
        var admins = identity.newGroup(Groups.ADMINS);
        identity.saveGroup(admins);
    }

    @AfterEach
    void nobody() {
        identity.createUserQuery().list().forEach(user -> identity.deleteUser(user.getId()));
        identity.deleteGroup(Groups.ADMINS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "admin", "demo", "camunda", "Admin", "DEMO"})
    void withoutAnAdminYetADefaultPasswordRefusesTheStartAndCreatesNobody(String password) {
        assertThatThrownBy(() -> start("admin", password))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("ADMIN_PASSWORD");

        assertThat(identity.createUserQuery().count()).isZero();
    }

    @Test
    void theAdminsOwnNameIsNoPasswordEither() {
        assertThatThrownBy(() -> start("boss", "boss")).hasMessageContaining("Refusing to start");
    }

    @Test
    void theAdminIsCreatedWithThePasswordGivenAndIsTheOnlyUser() {
        start("admin", "a long one of my own");

        assertThat(identity.createUserQuery().list())
                .extracting(User::getId)
                .containsExactly("admin");
        assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).count()).isEqualTo(1);
        assertThat(identity.checkPassword("admin", "a long one of my own")).isTrue();
    }

    @Test
    void anAdminWhoseStoredPasswordIsStillADefaultRefusesTheStartWithoutANewOne() {
        admin("root", "demo");

        assertThatThrownBy(() -> start("root", ""))
                .hasMessageContaining("admin root still has a default password");
        assertThat(attempts("root")).as("no wrong guess was counted against the admin").isZero();
    }

    @Test
    void anAdminOtherThanTheConfiguredOneWithADefaultPasswordRefusesTheStart() {
        admin("root", "demo");

        assertThatThrownBy(() -> start("admin", "a long one of my own"))
                .hasMessageContaining("admin root still has a default password");
    }

    @Test
    void aStoredDefaultPasswordIsReplacedByTheOneGiven() {
        admin("admin", "admin");

        start("admin", "a long one of my own");

        assertThat(identity.checkPassword("admin", "a long one of my own")).isTrue();
        assertThat(identity.checkPassword("admin", "admin")).isFalse();
    }

    @Test
    void anAdminWithAPasswordOfTheirOwnStartsWithoutTheSetting() {
        admin("admin", "changed in the Admin webapp");

        start("admin", "");

        assertThat(identity.checkPassword("admin", "changed in the Admin webapp")).isTrue();
    }

    private void start(String adminId, String password) {
        new AdminAccount(
                        identity,
                        engine.getProcessEngine(),
                        new PeopleProperties(adminId, password))
                .afterPropertiesSet();
    }

    private void admin(String id, String password) {
        User user = identity.newUser(id);
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, Groups.ADMINS);
    }

    private int attempts(String id) {
        return ((UserEntity) identity.createUserQuery().userId(id).singleResult()).getAttempts();
    }
}
