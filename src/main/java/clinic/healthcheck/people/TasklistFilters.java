package clinic.healthcheck.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every profile starts with: a consultant's own tasks and the checks waiting
 * for a manager, each sorted so that urgent work comes first. A filter an admin edited in Tasklist
 * is kept as it is.
 */
@Component
class TasklistFilters {

    static final String MY_TASKS = "My tasks";
    static final String ASSIGN_MANUALLY = "Assign manually";

    /** Task definition key of the managers' task in {@code bpmn/health-check.bpmn}. */
    private static final String ASSIGN_MANUALLY_TASK = "UserTask_AssignManually";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** Creates the missing filters; returns each filter's id by name. */
    Map<String, String> ensure() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(
                MY_TASKS,
                ensure(
                        MY_TASKS,
                        "Checks assigned to me, most urgent first",
                        -10,
                        tasks.createTaskQuery()
                                .taskAssigneeExpression("${currentUser()}")
                                .orderByTaskPriority()
                                .desc()
                                .orderByDueDate()
                                .asc()));
        ids.put(
                ASSIGN_MANUALLY,
                ensure(
                        ASSIGN_MANUALLY,
                        "Checks still waiting at their due time, most urgent first",
                        -5,
                        tasks.createTaskQuery()
                                .taskDefinitionKey(ASSIGN_MANUALLY_TASK)
                                .orderByTaskPriority()
                                .desc()
                                .orderByTaskCreateTime()
                                .asc()));
        return ids;
    }

    private String ensure(String name, String description, int priority, TaskQuery query) {
        Filter existing =
                filters.createFilterQuery().filterName(name).list().stream()
                        .findFirst()
                        .orElse(null);
        if (existing != null) {
            return existing.getId();
        }

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        // shown on every task of the list, so nobody has to open one to see what it is
        properties.put(
                "variables",
                List.of(
                        Map.of("name", "checkId", "label", "Check"),
                        Map.of("name", "checkType", "label", "Type"),
                        Map.of("name", "priority", "label", "Priority")));
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
        return filters.saveFilter(filter).getId();
    }
}
