package cn.fupin.ledger.query.common;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An event's own position in the store (its global index), read from the store by its identifier. A handler must not
 * take it from the tracking token it is given: after an event that filled a gap (a global index taken by a
 * transaction that committed after later ones), the token's position is the highest index seen, not the event's. The
 * event history's index took the token's position and so treated every late event as one it had indexed already,
 * skipping it.
 */
@Component
public class StorePositions {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    public StorePositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The global index of the stored event {@code eventId}; fails if the store does not hold it. */
    public long globalIndexOf(String eventId) {
        Long index = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
        if (index == null) {
            throw new IllegalStateException("the store holds no event " + eventId);
        }
        return index;
    }

    /**
     * The global index of each of the stored events {@code eventIds}, read 500 to a query; fails if the store does not
     * hold one of them.
     */
    public Map<String, Long> globalIndexesOf(Collection<String> eventIds) {
        Map<String, Long> indexes = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(eventIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    row -> {
                        indexes.put(row.getString(1), row.getLong(2));
                    }, chunk.toArray());
        }
        for (String id : ids) {
            if (!indexes.containsKey(id)) {
                throw new IllegalStateException("the store holds no event " + id);
            }
        }
        return indexes;
    }
}
