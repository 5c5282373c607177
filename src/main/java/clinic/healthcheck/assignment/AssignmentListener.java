package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.consultants.Consultant;

/** Hears what an assignment run does with each check, for the command line's report. */
public interface AssignmentListener {

    AssignmentListener NONE = new AssignmentListener() {};

    default void assigned(PendingCheck check, Consultant consultant, int freeSlotsLeft) {}

    default void waiting(PendingCheck check, WaitReason reason) {}

    default void failed(PendingCheck check) {}
}
