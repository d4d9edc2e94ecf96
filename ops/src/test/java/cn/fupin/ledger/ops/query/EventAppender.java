package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.disclosure.ReadModelProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Creates the facts a read-model test needs by appending domain events straight to the event store, as the command
 * side would record them, each after the last event of its aggregate. The read models then see them as they see any
 * other event.
 *
 * <p>An event dated in the past ({@link #appendAt}) is something the ledger itself never records: its events are
 * stamped when they are made. Axon's storage engine takes an event older than the gap timeout for proof that every
 * transaction that took a global index below it has ended, and drops the gaps below it; a backdated event committed
 * while another transaction is still open (the publisher's notice for the appropriation appended just before, say)
 * would make the shared ledger's processors skip that transaction's event for good. Found when the event history's
 * index missed the publisher's notice for {@code ListPagesApiTest}'s appropriation APPR-PGL-C, whose transaction had
 * taken its index before the test's next appropriation, dated 2022, committed. So a backdated append waits, before and
 * after, until every streaming processor of the ledger has passed the store's head: the reactions to what came before
 * have then committed.
 */
final class EventAppender {

    private static final Duration QUIET_BOUND = Duration.ofSeconds(60);

    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final EventProcessingConfiguration processing;
    private final ReadModelProgress progress;

    EventAppender(EventStore eventStore, PlatformTransactionManager transactions,
                  EventProcessingConfiguration processing, ReadModelProgress progress) {
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactions);
        this.processing = processing;
        this.progress = progress;
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

    /**
     * Appends one event recorded at the given instant, with the given metadata, once every processor has passed the
     * store's head, and returns once they have passed it (see above).
     */
    void appendAt(Instant recordedAt, String type, String aggregateId, Object payload, Map<String, ?> metaData) {
        awaitProcessorsAtHead();
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(type,
                aggregateId, nextSequence(aggregateId), payload, metaData, UUID.randomUUID().toString(), recordedAt)));
        awaitProcessorsAtHead();
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

    /** Waits until every streaming processor has processed the event at the store's head as it is now. */
    private void awaitProcessorsAtHead() {
        TrackingToken headToken = eventStore.createHeadToken();
        if (headToken == null) {
            return;
        }
        long head = headToken.position().orElse(0);
        List<String> groups = processing.eventProcessors().entrySet().stream()
                .filter(processor -> processor.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).toList();
        await().atMost(QUIET_BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> groups.stream().allMatch(group -> progress.hasProcessed(group, head)));
    }
}
