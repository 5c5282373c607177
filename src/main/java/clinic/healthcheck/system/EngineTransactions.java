package clinic.healthcheck.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs work in a transaction of its own, engine calls included. A job (the sweep, a freed slot)
 * must commit each assignment by itself: inside a job the engine would otherwise fold every call
 * into the job's own command and transaction. The engine's requires-new executor opens a fresh
 * command context and a fresh Spring transaction, so the service's tables and the engine state of
 * one assignment commit together and alone.
 */
@Component
public class EngineTransactions {

    private final ProcessEngine engine;

    public EngineTransactions(ProcessEngine engine) {
        this.engine = engine;
    }

    public <T> T inNewTransaction(Supplier<T> work) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequiresNew().execute(context -> work.get());
    }
}
