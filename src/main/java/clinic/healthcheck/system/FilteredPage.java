package clinic.healthcheck.system;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a list endpoint's query: each filter that is set adds its condition, the count and
 * the page read the same conditions, newest first as the caller orders them.
 */
public final class FilteredPage {

    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code condition} (naming {@code :name}) only when the value is set. */
    public FilteredPage and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /**
     * @param select the columns, such as {@code SELECT l.*}
     * @param from the tables, such as {@code FROM assignment_log l}
     * @param orderBy the order, such as {@code ORDER BY l.id DESC}
     */
    public <T> Page<T> read(
            JdbcClient jdbc,
            String select,
            String from,
            String orderBy,
            RowMapper<T> mapper,
            int page,
            int size) {
        long total =
                jdbc.sql("SELECT COUNT(*) " + from + where)
                        .params(params)
                        .query(Long.class)
                        .single();

        var pageParams = new HashMap<>(params);
        pageParams.put("limit", size);
        pageParams.put("offset", (long) page * size);
        var items =
                jdbc.sql(
                                select
                                        + " "
                                        + from
                                        + where
                                        + " "
                                        + orderBy
                                        + " LIMIT :limit OFFSET :offset")
                        .params(pageParams)
                        .query(mapper)
                        .list();
        return new Page<>(items, page, size, total);
    }
}
