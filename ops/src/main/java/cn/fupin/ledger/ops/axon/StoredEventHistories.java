package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.disclosure.publisher.EventHistories;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many aggregates' events read in a few queries of the event table (up to {@value #IDS_PER_QUERY} aggregates each),
 * through the same serializer and upcasters as the event store's own reads, so that what comes out is what
 * {@code EventStore.readEvents(id, 0)} answers for each, stream by stream: a grant batch of 1,000 takes three queries
 * instead of 2,001 stream reads.
 */
final class StoredEventHistories implements EventHistories {

    /** How many aggregates one query asks for (a statement's parameters stay well within every driver's limits). */
    static final int IDS_PER_QUERY = 500;

    private static final String COLUMNS = "SELECT type, aggregate_identifier, sequence_number, event_identifier,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry";

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;
    private final int idsPerQuery;

    StoredEventHistories(JdbcTemplate jdbc, Serializer eventSerializer, EventUpcaster upcasters) {
        this(jdbc, eventSerializer, upcasters, IDS_PER_QUERY);
    }

    StoredEventHistories(JdbcTemplate jdbc, Serializer eventSerializer, EventUpcaster upcasters, int idsPerQuery) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.upcasters = upcasters;
        this.idsPerQuery = idsPerQuery;
    }

    @Override
    public Map<String, List<Object>> of(Collection<String> aggregateIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(aggregateIds));
        Map<String, List<DomainEventData<?>>> stored = new LinkedHashMap<>();
        ids.forEach(id -> stored.put(id, new ArrayList<>()));
        for (int from = 0; from < ids.size(); from += idsPerQuery) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + idsPerQuery));
            String marks = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
            jdbc.query(COLUMNS + " WHERE aggregate_identifier IN (" + marks + ") ORDER BY aggregate_identifier,"
                    + " sequence_number", row -> {
                String aggregateId = row.getString("aggregate_identifier");
                stored.get(aggregateId).add(new GenericDomainEventEntry<>(row.getString("type"), aggregateId,
                        row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("time_stamp"),
                        row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data")));
            }, chunk.toArray());
        }
        Map<String, List<Object>> histories = new LinkedHashMap<>();
        stored.forEach((id, events) -> histories.put(id, EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream(), eventSerializer, upcasters))
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList()));
        return histories;
    }
}
