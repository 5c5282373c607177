package clinic.healthcheck.people;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What working on a task in Tasklist allows. The engine gives a task's assignee and candidates
 * TASK_WORK instead of its default UPDATE: they read the task and its form, claim it, and complete
 * it with the form's values, but cannot set its variables, hand it on, delegate it or add
 * candidates (TASK_ASSIGN, UPDATE_VARIABLE). Claiming could still hand a task on; {@link
 * ModelledTaskGrants} keeps a task's people the model's. The steps after each task check who
 * completed it and what the form sent ({@code checks.TaskForms}).
 */
@Component
class TaskWorkRights extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWorkRights.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        configuration.setResourceAuthorizationProvider(new ModelledTaskGrants());
        // TASK_WORK lets a worker throw a BPMN error from a task; with no event to catch it the
        // engine would quietly end that path of the check, so it refuses instead
        configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        narrowGrantsFromBefore(engine.getAuthorizationService());
    }

    /**
     * Tasks opened before this setting gave their people UPDATE; they get TASK_WORK instead, once.
     * The grant on every task ({@code *}, admins') is left as it is.
     */
    static int narrowGrantsFromBefore(AuthorizationService authorizations) {
        int narrowed = 0;
        for (Authorization grant :
                authorizations
                        .createAuthorizationQuery()
                        .authorizationType(AUTH_TYPE_GRANT)
                        .resourceType(Resources.TASK)
                        .hasPermission(Permissions.UPDATE)
                        .list()) {
            if (ANY.equals(grant.getResourceId())) {
                continue;
            }
            grant.removePermission(Permissions.UPDATE);
            grant.addPermission(Permissions.TASK_WORK);
            try {
                authorizations.saveAuthorization(grant);
                narrowed++;
            } catch (OptimisticLockingException e) {
                // another node starting at the same time narrowed it first
            }
        }
        if (narrowed > 0) {
            LOG.info("{} task grants from before narrowed from UPDATE to TASK_WORK", narrowed);
        }
        return narrowed;
    }
}
