package clinic.healthcheck.people;

import clinic.healthcheck.cli.CommandLineMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile: creates the configured admin when missing, and refuses to start while
 * any admin can still sign in with a default password. An admin whose stored password is a default
 * gets the configured one, so an operator recovers by setting {@code ADMIN_PASSWORD}.
 */
@Component
@Profile("!demo")
@DependsOn("accessRights")
@ConditionalOnProperty(
        name = CommandLineMode.ACTIVE_PROPERTY,
        havingValue = "false",
        matchIfMissing = true)
class AdminAccount implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

    /** Passwords anyone would try first; a user's own id counts too. */
    static final Set<String> DEFAULT_PASSWORDS = Set.of("", "admin", "demo", "camunda");

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engine;
    private final PeopleProperties properties;

    AdminAccount(IdentityService identity, ProcessEngine engine, PeopleProperties properties) {
        this.identity = identity;
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        String adminId = properties.adminUser();
        String configured = properties.adminPassword() == null ? "" : properties.adminPassword();
        boolean configuredIsDefault = isDefault(adminId, configured);

        if (identity.createUserQuery().userId(adminId).count() == 0) {
            if (configuredIsDefault) {
                throw new IllegalStateException(
                        "Refusing to start: there is no admin yet and ADMIN_PASSWORD"
                                + " (clinic.people.admin-password) is empty or a default. Set it"
                                + " to a password of your own; admin/admin is for the demo"
                                + " profile only.");
            }
            createAdmin(adminId, configured);
        }

        List<User> admins = identity.createUserQuery().memberOfGroup(Groups.ADMINS).list();
        for (User admin : admins) {
            if (!hasDefaultPassword((UserEntity) admin)) {
                continue;
            }
            if (configuredIsDefault || !admin.getId().equals(adminId)) {
                throw new IllegalStateException(
                        "Refusing to start: admin "
                                + admin.getId()
                                + " still has a default password. Set ADMIN_USER="
                                + admin.getId()
                                + " and ADMIN_PASSWORD to a password of your own to replace it.");
            }
            admin.setPassword(configured);
            identity.saveUser(admin);
            LOG.warn("Admin {} had a default password; it is now ADMIN_PASSWORD", admin.getId());
        }
    }

    private void createAdmin(String adminId, String password) {
        User admin = identity.newUser(adminId);
        admin.setFirstName("Admin");
        admin.setPassword(password);
        identity.saveUser(admin);
        identity.createMembership(adminId, Groups.ADMINS);
        LOG.info("Admin {} created", adminId);
    }

    /** Compares hashes only: a wrong guess through the identity service would lock the admin. */
    private boolean hasDefaultPassword(UserEntity admin) {
        for (String candidate : candidates(admin.getId())) {
            String salted = EncryptionUtil.saltPassword(candidate, admin.getSalt());
            if (engine.getPasswordManager().check(salted, admin.getPassword())) {
                return true;
            }
        }
        return false;
    }

    /** Case does not make a default password safe: "Admin" is guessed as soon as "admin". */
    static boolean isDefault(String userId, String password) {
        return candidates(userId).contains(password.trim().toLowerCase(Locale.ROOT));
    }

    private static Set<String> candidates(String userId) {
        Set<String> all = new HashSet<>(DEFAULT_PASSWORDS);
        all.add(userId.toLowerCase(Locale.ROOT));
        return all;
    }
}
