package cn.fupin.ledger.query.audit.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event history's filters as SQL over the index ({@code audit_event}, {@code audit_subject}): each filter is an
 * equality or a range on an indexed column, and the answer is global indexes in keyset order, so a page costs the
 * same on the first page and the thousandth, and events appended meanwhile never shift a page (no offsets).
 */
@Component
class EventHistoryIndex {

    private final JdbcTemplate jdbc;

    EventHistoryIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many events match, and how many of them are of a type in {@code personalDataTypes}. */
    record Count(long events, long withPersonalData) {
    }

    /** The last global index indexed, or -1 when none is. */
    long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM audit_event", Long.class);
        return head == null ? -1 : head;
    }

    /**
     * Up to {@code limit} global indexes of matching events, in the filter's order, after {@code cursor} (exclusive,
     * in that order; null from the start) and not above {@code ceiling}.
     */
    List<Long> indexes(EventHistoryFilter filter, Long cursor, long ceiling, int limit) {
        List<Object> arguments = new ArrayList<>();
        String column = filter.subject() == null ? "e.global_index" : "s.global_index";
        StringBuilder sql = new StringBuilder("SELECT ").append(column);
        where(sql, arguments, filter, column, cursor, ceiling);
        sql.append(" ORDER BY ").append(column).append(filter.newestFirst() ? " DESC" : " ASC").append(" LIMIT ?");
        arguments.add(limit);
        return jdbc.queryForList(sql.toString(), Long.class, arguments.toArray());
    }

    /** The matching events not above {@code ceiling}, from the filter's cursor on: all of them, counted. */
    Count count(EventHistoryFilter filter, long ceiling, Set<String> personalDataTypes) {
        List<Object> arguments = new ArrayList<>();
        String column = filter.subject() == null ? "e.global_index" : "s.global_index";
        StringBuilder sql = new StringBuilder("SELECT COUNT(*), COALESCE(SUM(CASE WHEN e.type IN (");
        sql.append(String.join(",", personalDataTypes.stream().map(type -> "?").toList()))
                .append(") THEN 1 ELSE 0 END), 0)");
        arguments.addAll(personalDataTypes);
        where(sql, arguments, filter, column, filter.after(), ceiling);
        return jdbc.queryForObject(sql.toString(), (rs, n) -> new Count(rs.getLong(1), rs.getLong(2)),
                arguments.toArray());
    }

    private static void where(StringBuilder sql, List<Object> arguments, EventHistoryFilter filter, String column,
                              Long cursor, long ceiling) {
        if (filter.subject() == null) {
            sql.append(" FROM audit_event e WHERE ").append(column).append(" <= ?");
        } else {
            sql.append(" FROM audit_subject s JOIN audit_event e ON e.global_index = s.global_index")
                    .append(" WHERE s.subject = ? AND ").append(column).append(" <= ?");
            arguments.add(filter.subject());
        }
        arguments.add(ceiling);
        equal(sql, arguments, "e.actor", filter.actor());
        equal(sql, arguments, "e.role", filter.role());
        equal(sql, arguments, "e.type", filter.type());
        equal(sql, arguments, "e.request_id", filter.requestId());
        if (filter.from() != null) {
            sql.append(" AND e.timestamp_nanos >= ?");
            arguments.add(AuditSubjectProjection.nanos(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND e.timestamp_nanos < ?");
            arguments.add(AuditSubjectProjection.nanos(filter.to()));
        }
        if (cursor != null) {
            sql.append(" AND ").append(column).append(filter.newestFirst() ? " < ?" : " > ?");
            arguments.add(cursor);
        }
    }

    private static void equal(StringBuilder sql, List<Object> arguments, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            arguments.add(value);
        }
    }
}
