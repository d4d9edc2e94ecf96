package cn.fupin.ledger.query.common;

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
}
