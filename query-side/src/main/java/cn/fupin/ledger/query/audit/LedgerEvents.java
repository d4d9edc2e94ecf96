package cn.fupin.ledger.query.audit;

import cn.fupin.ledger.shared.stored.KnownEvents;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.springframework.stereotype.Component;

/**
 * Reads the event store in the order of its global index, through the production upcaster chain (the same storage
 * engine the aggregates and processors use), for the auditors' views that work from the events themselves rather
 * than from today's read models: event history, as-of views, tracing, reconciliation and red flags.
 *
 * <p>Reads stream in batches (the storage engine's batch size), so a walk over a million events holds one batch at a
 * time. An event whose stored type this code does not know stops the walk ({@link KnownEvents#require}): an audit
 * view never passes over a fact it cannot read.
 */
@Component
public class LedgerEvents {

    private final EventStorageEngine storage;

    public LedgerEvents(EventStorageEngine storage) {
        this.storage = storage;
    }

    /**
     * Every event after {@code afterIndex} (exclusive; {@code -1} for all), in global-index order, to {@code visitor}
     * until it answers {@code false} or the store has no more. Returns the global index of the last event visited, or
     * {@code afterIndex} when none was.
     */
    public long walk(long afterIndex, Predicate<LedgerEvent> visitor) {
        TrackingToken start = afterIndex < 0 ? null : GapAwareTrackingToken.newInstance(afterIndex, java.util.Set.of());
        long last = afterIndex;
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(start, false)) {
            Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
            while (messages.hasNext()) {
                LedgerEvent event = of(messages.next());
                last = event.globalIndex();
                if (!visitor.test(event)) {
                    break;
                }
            }
        }
        return last;
    }

    /** The last global index in the store, or -1 when it is empty. */
    public long lastIndex() {
        TrackingToken head = storage.createHeadToken();
        if (head == null) {
            return -1;
        }
        OptionalLong position = head.position();
        return position.isPresent() ? position.getAsLong() : -1;
    }

    static LedgerEvent of(TrackedEventMessage<?> message) {
        Object payload = KnownEvents.require(message.getPayload(), message.getIdentifier());
        OptionalLong position = message.trackingToken().position();
        String aggregateType = null;
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        return new LedgerEvent(position.orElse(-1), message.getIdentifier(), payload.getClass().getSimpleName(),
                revision == null ? null : revision.value(), aggregateType, aggregateId, sequence,
                message.getTimestamp(), payload, message.getMetaData());
    }
}
