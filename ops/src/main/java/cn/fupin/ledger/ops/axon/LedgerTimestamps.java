package cn.fupin.ledger.ops.axon;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Stamps every event this ledger publishes with this ledger's clock, as its unit of work commits. Axon stamps an event
 * when it is created, with {@code GenericEventMessage.clock}, a static shared by every ledger of the JVM: while a second
 * ledger runs in the same JVM (tests run several; a province run may) the first one's events would carry the second
 * one's time, which is not theirs and which ages gaps wrongly ({@link LedgerTimeGaps}). The event keeps its identifier,
 * payload, metadata and place in its stream; only the time is this ledger's.
 */
final class LedgerTimestamps implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Clock ledger;

    LedgerTimestamps(Clock ledger) {
        this.ledger = ledger;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Instant now = ledger.instant();
        return (index, message) -> stamped(message, now);
    }

    static EventMessage<?> stamped(EventMessage<?> message, Instant timestamp) {
        if (message.getTimestamp().equals(timestamp)) {
            return message;
        }
        if (message instanceof DomainEventMessage<?> domain) {
            return new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), domain.getPayload(), domain.getMetaData(), domain.getIdentifier(),
                    timestamp);
        }
        return new GenericEventMessage<>(message.getIdentifier(), message.getPayload(), message.getMetaData(), timestamp);
    }
}
