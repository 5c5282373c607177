package clinic.healthcheck.checks;

/**
 * Names shared by the model in {@code bpmn/health-check.bpmn}, the Java that drives it and the
 * tests: one place, so a renamed element breaks the build instead of a running instance.
 */
public final class HealthCheckProcess {

    public static final String KEY = "health-check";

    /** Correlated when the assignment takes a slot for the waiting check. */
    public static final String MESSAGE_CONSULTANT_ASSIGNED = "ConsultantAssigned";

    /** Correlated when a patient or manager cancels; interrupts wherever the check stands. */
    public static final String MESSAGE_CANCELLATION_REQUESTED = "CancellationRequested";

    /** Correlated when a manager gives an assigned, not yet started check to someone else. */
    public static final String MESSAGE_CONSULTANT_REASSIGNED = "ConsultantReassigned";

    /** The decision table that gives each check its due time. */
    public static final String SERVICE_LEVEL_DECISION = "service-level";

    /** Who may take the "Assign manually" task. */
    public static final String MANAGERS_GROUP = "managers";

    public static final String FIND_CONSULTANT = "SubProcess_FindConsultant";
    public static final String WAIT_FOR_CONSULTANT = "ReceiveTask_WaitForConsultant";
    public static final String END_CONSULTANT_FOUND = "EndEvent_ConsultantFound";
    public static final String ASSIGN_MANUALLY = "UserTask_AssignManually";
    public static final String ASSIGN_CHOSEN_CONSULTANT = "ServiceTask_AssignChosenConsultant";
    public static final String END_ASSIGNED_MANUALLY = "EndEvent_AssignedManually";
    public static final String CONSULTANT_REASSIGNED = "BoundaryEvent_ConsultantReassigned";
    public static final String START_CONSULTATION = "UserTask_StartConsultation";
    public static final String RECORD_CONSULTATION = "UserTask_RecordConsultation";
    public static final String DETERMINE_SERVICE_LEVEL = "BusinessRuleTask_DetermineServiceLevel";
    public static final String RECORD_DUE_TIME = "ServiceTask_RecordDueTime";
    public static final String MARK_CONSULTATION_STARTED = "ServiceTask_MarkConsultationStarted";
    public static final String COMPLETE_HEALTH_CHECK = "ServiceTask_CompleteHealthCheck";
    public static final String CANCEL_HEALTH_CHECK = "ServiceTask_CancelHealthCheck";
    public static final String NOTIFY_ASSIGNMENT = "ServiceTask_NotifyAssignment";
    public static final String NOTIFY_CONSULTATION_STARTED =
            "ServiceTask_NotifyConsultationStarted";
    public static final String NOTIFY_COMPLETION = "ServiceTask_NotifyCompletion";
    public static final String NOTIFY_CANCELLATION = "ServiceTask_NotifyCancellation";
    public static final String SERVICE_LEVEL_BREACHED = "BoundaryEvent_ServiceLevelBreached";
    public static final String NOTIFY_SERVICE_LEVEL_BREACHED =
            "ServiceTask_NotifyServiceLevelBreached";
    public static final String END_BREACH_REPORTED = "EndEvent_BreachReported";
    public static final String END_OVERDUE_SINCE_IMPORT = "EndEvent_OverdueSinceImport";
    public static final String OFFER_FREED_SLOT = "ServiceTask_OfferFreedSlot";
    public static final String OFFER_SLOT_AFTER_CANCELLATION =
            "ServiceTask_OfferSlotAfterCancellation";
    public static final String END_COMPLETED = "EndEvent_HealthCheckCompleted";
    public static final String END_CANCELLED = "EndEvent_HealthCheckCancelled";

    /** Process variables: primitives only, so Cockpit can always show them. */
    public static final class Variables {
        public static final String CHECK_ID = "checkId";
        public static final String CHECK_TYPE = "checkType";
        public static final String PRIORITY = "priority";
        public static final String PATIENT = "patient";
        public static final String CONSULTANT = "consultant";
        public static final String ASSIGN_WITHIN = "assignWithin";
        public static final String DUE_AT = "dueAt";
        public static final String OVERDUE_ON_ARRIVAL = "overdueOnArrival";
        public static final String TASK_PRIORITY = "taskPriority";
        public static final String SCHEDULED_AT = "scheduledAt";
        public static final String NOTES = "notes";
        public static final String RECOMMENDATIONS = "recommendations";
        public static final String FOLLOW_UP_NEEDED = "followUpNeeded";
        public static final String CANCEL_REASON = "cancelReason";
        public static final String NOTIFICATION = "notification";

        /** Task-local copies of the patient's words, shown read-only in Tasklist forms. */
        public static final String DESCRIPTION = "description";

        public static final String MEDICAL_HISTORY = "medicalHistory";

        /**
         * Transient, for the step after a consultant's task: the name of a task-local copy (check,
         * type, priority) the completed form changed.
         */
        public static final String CHANGED_COPY = "changedCopy";

        /** The "Assign manually" form: whom a manager chose, over capacity or not, and why. */
        public static final String CONSULTANT_OPTIONS = "consultantOptions";

        public static final String WAIT_REASON = "waitReason";
        public static final String CHOSEN_CONSULTANT = "chosenConsultant";
        public static final String OVER_CAPACITY = "overCapacity";
        public static final String ASSIGNMENT_REASON = "assignmentReason";
        public static final String ASSIGNED_BY = "assignedBy";

        private Variables() {}
    }

    private HealthCheckProcess() {}
}
