package clinic.healthcheck.assignment;

import org.springframework.stereotype.Component;

/**
 * Read by the timer of {@code bpmn/assignment-sweep.bpmn} as {@code
 * ${assignmentSchedule.sweepCycle}} when the model is deployed.
 */
@Component("assignmentSchedule")
public class AssignmentSchedule {

    public static final String PROCESS_KEY = "assignment-sweep";

    private final AssignmentProperties properties;

    AssignmentSchedule(AssignmentProperties properties) {
        this.properties = properties;
    }

    public String getSweepCycle() {
        return properties.sweep().cycle();
    }

    public boolean isEnabled() {
        return properties.sweep().enabled();
    }
}
