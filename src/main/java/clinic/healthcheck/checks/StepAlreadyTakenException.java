package clinic.healthcheck.checks;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A delegate found the check's row no longer in the state its step expects: another command on the
 * same check committed first. The whole transaction rolls back. As a bad request, not an engine
 * fault, the engine logs it quietly: losing such a race is expected.
 */
public class StepAlreadyTakenException extends BadUserRequestException {

    public StepAlreadyTakenException(long checkId, String expected) {
        super("Health check " + checkId + " is no longer " + expected);
    }
}
