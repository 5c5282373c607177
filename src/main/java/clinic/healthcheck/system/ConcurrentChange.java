package clinic.healthcheck.system;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a user's command again when the engine refused it because a job of the same process instance
 * (a notify step, say) committed while it ran. The engine keeps nothing of a refused command, and
 * each try starts from the check's row lock and reads the state afresh, so a second try either
 * succeeds or meets the real state (a lifecycle conflict), never a stale one.
 */
public final class ConcurrentChange {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentChange.class);

    /** Jobs of one instance are few and short: a third refusal in a row is a real conflict. */
    public static final int TRIES = 3;

    public static void retry(String what, Runnable command) {
        for (int attempt = 1; ; attempt++) {
            try {
                command.run();
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == TRIES) {
                    throw e;
                }
                LOG.debug("{} met a concurrent change of its process instance; trying again", what);
            }
        }
    }

    private ConcurrentChange() {}
}
