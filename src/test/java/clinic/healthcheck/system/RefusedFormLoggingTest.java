package clinic.healthcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** A refused Tasklist form is no engine error; everything else the engine logs stays as it is. */
class RefusedFormLoggingTest {

    private final LoggerContext logging = new LoggerContext();
    private final RefusedFormLogging filter = new RefusedFormLogging();

    @Test
    void aRefusedFormIsNotLoggedAsAnEngineError() {
        var refusal = new FormFieldValidationException("notes", "notes: is required");

        assertThat(decide(RefusedFormLogging.ENGINE_COMMANDS, Level.ERROR, refusal))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void anyOtherEngineErrorIsLoggedAsBefore() {
        var fault = new ProcessEngineException("database gone");

        assertThat(decide(RefusedFormLogging.ENGINE_COMMANDS, Level.ERROR, fault))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(
                        decide(
                                "org.camunda.bpm.engine.jobexecutor",
                                Level.ERROR,
                                new FormFieldValidationException("x", "y")))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    /** As the engine logs it: the message, then the exception as the last parameter. */
    private FilterReply decide(String logger, Level level, Throwable thrown) {
        return filter.decide(
                null,
                logging.getLogger(logger),
                level,
                "ENGINE-16004 Exception while closing command context: {}",
                new Object[] {thrown.getMessage(), thrown},
                null);
    }
}
