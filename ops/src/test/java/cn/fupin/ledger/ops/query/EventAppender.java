package cn.fupin.ledger.ops.query;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the facts a read-model test needs by appending domain events straight to the event store, as the command
 * side would record them, each after the last event of its aggregate. The read models then see them as they see any
 * other event.
 */
final class EventAppender {

    private final EventStore eventStore;
    private final TransactionTemplate transaction;

    EventAppender(EventStore eventStore, PlatformTransactionManager transactions) {
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Appends the payloads to the aggregate's stream, recorded now. */
    void append(String type, String aggregateId, Object... payloads) {
        transaction.executeWithoutResult(status -> {
            long next = nextSequence(aggregateId);
            for (Object payload : payloads) {
                eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, next++, payload));
            }
        });
    }

    /** Appends one event recorded at the given instant, with the given metadata. */
    void appendAt(Instant recordedAt, String type, String aggregateId, Object payload, Map<String, ?> metaData) {
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(type,
                aggregateId, nextSequence(aggregateId), payload, metaData, UUID.randomUUID().toString(), recordedAt)));
    }

    void appendAt(Instant recordedAt, String type, String aggregateId, Object payload) {
        appendAt(recordedAt, type, aggregateId, payload, Map.of());
    }

    /** Runs {@code work} in one transaction, committed when it returns. */
    void inTransaction(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }

    /** Appends one event recorded now, in the caller's transaction (see {@link #inTransaction}). */
    void appendNow(String type, String aggregateId, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, nextSequence(aggregateId), payload));
    }

    private long nextSequence(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
    }
}
