package cn.fupin.ledger.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.config.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads chosen events of the store by their global indexes, in one query per batch, through the same serializer and
 * upcaster chain as the storage engine ({@link LedgerEvents} walks the store in order; this jumps to the events an
 * index has found, so that a filter never reads the events it does not show). The payloads are therefore what the
 * aggregates and processors see.
 */
@Component
public class EventsByGlobalIndex {

    /** The most events read at once: one {@code IN} list of this many indexes. */
    public static final int BATCH_MAX = 1_000;

    private static final String SELECT = "SELECT global_index, event_identifier, type, aggregate_identifier,"
            + " sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data"
            + " FROM domain_event_entry WHERE global_index IN (";

    private final JdbcTemplate jdbc;
    private final Configuration axon;

    public EventsByGlobalIndex(JdbcTemplate jdbc, Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /**
     * The events at {@code globalIndexes} (at most {@link #BATCH_MAX}), in the order of the list. An index with no
     * event in the store is a broken index: an {@link IllegalStateException}.
     */
    public List<LedgerEvent> load(List<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        if (globalIndexes.size() > BATCH_MAX) {
            throw new IllegalArgumentException("at most " + BATCH_MAX + " events at once");
        }
        String sql = SELECT + String.join(",", Collections.nCopies(globalIndexes.size(), "?")) + ")";
        List<TrackedEventData<?>> rows = jdbc.query(sql, (rs, n) -> row(rs), globalIndexes.toArray());
        List<LedgerEvent> events = new ArrayList<>(rows.size());
        try (Stream<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(
                rows.stream(), axon.eventSerializer(), axon.upcasterChain())) {
            messages.forEach(message -> events.add(LedgerEvents.of(message)));
        }
        if (events.size() != globalIndexes.size()) {
            throw new IllegalStateException("the event store holds " + events.size() + " of the "
                    + globalIndexes.size() + " events asked for by global index");
        }
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < globalIndexes.size(); i++) {
            order.put(globalIndexes.get(i), i);
        }
        events.sort(Comparator.comparingInt(event -> order.getOrDefault(event.globalIndex(), -1)));
        return events;
    }

    private static TrackedEventData<?> row(ResultSet rs) throws SQLException {
        long globalIndex = rs.getLong("global_index");
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(globalIndex, Set.of()),
                new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                        rs.getBytes("meta_data")));
    }
}
