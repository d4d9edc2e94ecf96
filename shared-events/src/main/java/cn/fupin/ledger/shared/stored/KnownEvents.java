package cn.fupin.ledger.shared.stored;

import org.axonframework.serialization.UnknownSerializedType;

/**
 * For handlers that take every event ({@code on(Object event)}): Axon hands them a stored event of a type this code
 * does not know as an {@link UnknownSerializedType}, which such a handler would pass over as "an event of no interest".
 * An unknown type is never of no interest: it is a fact this code cannot read, and the handler must stop there.
 */
public final class KnownEvents {

    private KnownEvents() {
    }

    /**
     * The event itself, or an {@link UnreadableEventException} naming its stored type when it is an event this code
     * does not know.
     */
    public static Object require(Object event, String eventId) {
        if (event instanceof UnknownSerializedType unknown) {
            throw new UnreadableEventException("stored event " + eventId + " is of type "
                    + unknown.serializedType().getName() + " revision " + unknown.serializedType().getRevision()
                    + ", which this ledger does not know: it cannot go on past it");
        }
        return event;
    }
}
