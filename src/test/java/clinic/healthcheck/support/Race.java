package clinic.healthcheck.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Commands let loose at the same moment, each on a thread of its own, as two nodes would. */
public final class Race {

    /** Each command's result, or the runtime exception it ended with, in the order given. */
    public static List<Object> atOnce(Callable<?>... commands) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(commands.length);
        try {
            var barrier = new CyclicBarrier(commands.length);
            List<Future<Object>> runs = new ArrayList<>();
            for (Callable<?> command : commands) {
                runs.add(
                        pool.submit(
                                () -> {
                                    barrier.await();
                                    try {
                                        return command.call();
                                    } catch (RuntimeException e) {
                                        return e;
                                    }
                                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> run : runs) {
                outcomes.add(run.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Race() {}
}
