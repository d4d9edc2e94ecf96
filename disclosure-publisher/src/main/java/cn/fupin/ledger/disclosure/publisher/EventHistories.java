package cn.fupin.ledger.disclosure.publisher;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The stored events of many aggregates at once, each from its first event and in its order: what the publisher reads
 * for a grant batch (every grant's request and every household's registration). Never from a snapshot: a snapshot is a
 * cache of an aggregate's state, not evidence of what happened.
 */
@FunctionalInterface
public interface EventHistories {

    /**
     * The payloads of the events of each aggregate, from its first, keyed by the aggregate's id in the order asked; an
     * aggregate without events has an empty list.
     */
    Map<String, List<Object>> of(Collection<String> aggregateIds);

    /** One read of the event store per aggregate (where the store offers nothing better, as in tests). */
    static EventHistories readingEach(EventStore eventStore) {
        return aggregateIds -> {
            Map<String, List<Object>> histories = new LinkedHashMap<>();
            for (String aggregateId : aggregateIds) {
                histories.computeIfAbsent(aggregateId, id -> eventStore.readEvents(id, 0).asStream()
                        .map(DomainEventMessage::getPayload).map(Object.class::cast).toList());
            }
            return histories;
        };
    }
}
