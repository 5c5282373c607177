package clinic.healthcheck.people;

import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's rights on the people of a process task, held to the model. While the engine creates
 * a task, the people the model names get the default task permission as usual: the assignee of a
 * consultant's task (the check's consultant) and the candidate group of "Assign manually"
 * (managers). After that, no change of a task's people gives anyone a right: a consultant's task
 * carries the patient's words, and the service, not Tasklist, decides who holds a check and counts
 * their capacity.
 *
 * <p>A signed-in user who tries such a change is refused (403 in Tasklist and the REST API), admins
 * included: handing a task on, delegating it, giving it an owner or adding a candidate. The one
 * change a user may make is claiming a task offered to candidates for themselves, or giving it
 * back; their group already gives them the rights it needs. The service's own calls (without a
 * signed-in user) may change a task's people, but grant nothing by it either.
 */
final class ModelledTaskGrants extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(
            Task task, String oldAssignee, String newAssignee) {
        if (!heldToTheModel(task)) {
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }
        String user = signedIn();
        boolean unchanged = Objects.equals(oldAssignee, newAssignee);
        if (user != null && !unchanged && !isClaim(task, user, newAssignee)) {
            throw refused(task);
        }
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        if (!heldToTheModel(task)) {
            return super.newTaskOwner(task, oldOwner, newOwner);
        }
        String user = signedIn();
        if (user != null && !Objects.equals(oldOwner, newOwner)) {
            throw refused(task);
        }
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        if (!heldToTheModel(task)) {
            return super.newTaskUserIdentityLink(task, userId, type);
        }
        return linkAdded(task);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (!heldToTheModel(task)) {
            return super.newTaskGroupIdentityLink(task, groupId, type);
        }
        return linkAdded(task);
    }

    private static AuthorizationEntity[] linkAdded(Task task) {
        String user = signedIn();
        if (user != null) {
            throw refused(task);
        }
        return null;
    }

    /**
     * A task of a process instance the engine has finished creating. Until then its people are the
     * model's; a task outside a process (none in this service) keeps the engine's defaults.
     */
    private static boolean heldToTheModel(Task task) {
        // the engine marks a task created once its create listeners are about to run
        boolean beingCreated =
                task instanceof TaskEntity entity && "Init".equals(entity.getTaskState());
        return task.getProcessInstanceId() != null && !beingCreated;
    }

    /** A task offered to candidates (no assignee in the model), taken or given back by the user. */
    private static boolean isClaim(Task task, String user, String newAssignee) {
        boolean offeredToCandidates =
                task instanceof TaskEntity entity
                        && entity.getTaskDefinition() != null
                        && entity.getTaskDefinition().getAssigneeExpression() == null;
        return offeredToCandidates && (newAssignee == null || newAssignee.equals(user));
    }

    private static String signedIn() {
        return Context.getCommandContext().getAuthenticatedUserId();
    }

    /** Names the task, not the user: a patient's username stays out of the logs. */
    private static AuthorizationException refused(Task task) {
        return new AuthorizationException(
                "Task "
                        + task.getId()
                        + " cannot be handed on in Tasklist: it stays with the people the process"
                        + " gave it; managers reassign a check through the service");
    }
}
