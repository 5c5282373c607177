package clinic.healthcheck.people;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The groups of the identity service and what each may do in the webapps and the engine's REST API,
 * created at start-up in every profile; a right already there is left as it is. The service's own
 * engine calls run without a signed-in user and are not checked.
 *
 * <ul>
 *   <li>patients: nothing beyond their own profile (which the engine grants every user);
 *   <li>medical staff and nutritionists: Tasklist, the health-check model, and the tasks assigned
 *       to them (which the engine grants each assignee, to work on: {@link TaskWorkRights});
 *   <li>managers: Cockpit and Tasklist; health-check and sweep instances, their history, incidents
 *       and job retries; every task of a health check to read, none to update or work on; the
 *       "Assign manually" tasks (which the engine grants the candidate group, to work on);
 *   <li>analysts: Cockpit, decision definitions and their history, new deployments;
 *   <li>admins: everything.
 * </ul>
 */
@Component
class AccessRights implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRights.class);

    /** Process keys of {@code bpmn/}: the health check itself and the periodic sweep. */
    static final String HEALTH_CHECK = "health-check";

    static final String SWEEP = "assignment-sweep";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final TasklistFilters filters;

    AccessRights(
            IdentityService identity,
            AuthorizationService authorizations,
            TasklistFilters filters) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @Override
    public void afterPropertiesSet() {
        Groups.NAMES.forEach(this::ensureGroup);
        Map<String, String> filterIds = filters.ensure();

        int added = 0;
        for (Grant grant : grants(filterIds)) {
            added += ensure(grant);
        }
        LOG.info(
                "Access rights checked for {} groups: {} permissions added",
                Groups.NAMES.size(),
                added);
    }

    /** Every right the service gives, group by group. */
    static List<Grant> grants(Map<String, String> filterIds) {
        String myTasks = filterIds.get(TasklistFilters.MY_TASKS);
        String assignManually = filterIds.get(TasklistFilters.ASSIGN_MANUALLY);
        List<Grant> grants = new ArrayList<>();

        for (String consultants : List.of(Groups.MEDICAL_STAFF, Groups.NUTRITIONISTS)) {
            grants.add(app(consultants, "tasklist"));
            grants.add(
                    new Grant(
                            consultants,
                            Resources.PROCESS_DEFINITION,
                            HEALTH_CHECK,
                            ProcessDefinitionPermissions.READ));
            grants.add(new Grant(consultants, Resources.FILTER, myTasks, Permissions.READ));
        }

        grants.add(app(Groups.MANAGERS, "cockpit"));
        grants.add(app(Groups.MANAGERS, "tasklist"));
        grants.add(
                new Grant(
                        Groups.MANAGERS,
                        Resources.PROCESS_DEFINITION,
                        HEALTH_CHECK,
                        ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK,
                        ProcessDefinitionPermissions.RETRY_JOB));
        grants.add(
                new Grant(
                        Groups.MANAGERS,
                        Resources.PROCESS_DEFINITION,
                        SWEEP,
                        ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.RETRY_JOB));
        grants.add(new Grant(Groups.MANAGERS, Resources.FILTER, myTasks, Permissions.READ));
        grants.add(new Grant(Groups.MANAGERS, Resources.FILTER, assignManually, Permissions.READ));

        grants.add(app(Groups.ANALYSTS, "cockpit"));
        grants.add(
                new Grant(
                        Groups.ANALYSTS,
                        Resources.DECISION_DEFINITION,
                        ANY,
                        Permissions.READ,
                        Permissions.READ_HISTORY));
        grants.add(new Grant(Groups.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.CREATE));

        for (Resources resource : Resources.values()) {
            grants.add(new Grant(Groups.ADMINS, resource, ANY, Permissions.ALL));
        }
        return grants;
    }

    private static Grant app(String group, String application) {
        return new Grant(group, Resources.APPLICATION, application, Permissions.ACCESS);
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(Groups.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
        LOG.info("Group {} created", id);
    }

    /** Adds what the grant lacks; returns how many permissions it added. */
    private int ensure(Grant grant) {
        Authorization authorization =
                authorizations
                        .createAuthorizationQuery()
                        .authorizationType(AUTH_TYPE_GRANT)
                        .groupIdIn(grant.group())
                        .resourceType(grant.resource())
                        .resourceId(grant.resourceId())
                        .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }

        int added = 0;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                added++;
            }
        }
        if (added > 0) {
            authorizations.saveAuthorization(authorization);
        }
        return added;
    }

    /** Permissions of one group on one resource (or on every one of its kind, {@code *}). */
    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}
}
