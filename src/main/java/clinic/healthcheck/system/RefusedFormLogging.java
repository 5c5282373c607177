package clinic.healthcheck.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The engine logs whatever ends a command as an error with its stack trace. A Tasklist form the
 * rules refuse (notes left empty, a consultant without a free slot) is an outcome the user sees and
 * corrects, not a fault, so it becomes one line at INFO instead. Refusals name fields and
 * consultants, never what a patient or consultant wrote.
 */
@Component
class RefusedFormLogging extends TurboFilter implements InitializingBean {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RefusedFormLogging.class);

    /** Where the engine logs the exception that ended a command. */
    static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.context";

    @Override
    public void afterPropertiesSet() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logging)) {
            return;
        }
        // one filter for the whole JVM, however many application contexts it runs
        boolean present =
                logging.getTurboFilterList().stream()
                        .anyMatch(RefusedFormLogging.class::isInstance);
        if (!present) {
            start();
            logging.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(
            Marker marker,
            Logger logger,
            Level level,
            String format,
            Object[] params,
            Throwable thrown) {
        if (level != Level.ERROR || !ENGINE_COMMANDS.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable cause = thrown;
        if (cause == null && params != null && params.length > 0) {
            cause = params[params.length - 1] instanceof Throwable last ? last : null;
        }
        if (!(cause instanceof FormFieldValidationException)) {
            return FilterReply.NEUTRAL;
        }
        LOG.info("Tasklist form refused: {}", cause.getMessage());
        return FilterReply.DENY;
    }
}
