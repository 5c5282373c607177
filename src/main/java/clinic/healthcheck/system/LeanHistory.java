package clinic.healthcheck.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's history at level FULL (every process, activity, task and variable, every
 * decision evaluation, incidents, failed jobs and the log of what operators did in Cockpit and
 * Tasklist) but stores three kinds of record less, which the busiest steps write again and again
 * and nobody reads: each intermediate value of a variable (its last value stays), each job created,
 * run or deleted without a failure, and each change of a task's assignee (the task's history names
 * its assignee). Taking in a request then writes about a third fewer rows, and so does each
 * assignment. {@code clinic.history.lean=false} stores them all again.
 */
@Component
@ConditionalOnProperty(name = "clinic.history.lean", havingValue = "true", matchIfMissing = true)
class LeanHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(new WithoutRoutineRecords());
    }

    /** The engine's own history writer, minus the routine records. */
    static final class WithoutRoutineRecords extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            boolean routineJob = event instanceof HistoricJobLogEvent job && !job.isFailureLog();
            if (!routineJob && !(event instanceof HistoricIdentityLinkLogEventEntity)) {
                super.handleEvent(event);
            }
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity update) {
            return false;
        }
    }
}
