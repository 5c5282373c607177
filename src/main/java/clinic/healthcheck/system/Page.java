package clinic.healthcheck.system;

import java.util.List;
import java.util.function.Function;

/** One page of a list the API returns; pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
