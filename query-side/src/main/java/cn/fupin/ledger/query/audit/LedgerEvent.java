package cn.fupin.ledger.query.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored event as the auditors' views read it: where it is in the event store (global index, its aggregate's
 * stream and sequence), what it is (type and revision of the payload as this code reads it, after upcasting), when it
 * happened by the ledger's clock, the payload itself and its metadata (actor, role, requestId, remoteAddress, reason).
 *
 * @param globalIndex the event's position in the whole store; keyset paging and "as of" cuts use it
 * @param eventId the event's identifier (the message identifier Axon stored)
 * @param type the payload's simple class name, e.g. {@code FundsAppropriatedEvent}
 * @param revision the payload's {@code @Revision} as read (stored older revisions arrive upcast)
 * @param aggregateType the stream's aggregate type, null for an event published outside an aggregate
 * @param aggregateId the stream the event belongs to
 * @param sequence its sequence in that stream
 * @param timestamp ledger time at which it was recorded
 * @param payload the deserialized event (a record of {@code cn.fupin.ledger.shared})
 * @param metadata the event's metadata, as stored
 */
public record LedgerEvent(long globalIndex, String eventId, String type, String revision, String aggregateType,
                          String aggregateId, long sequence, Instant timestamp, Object payload,
                          Map<String, Object> metadata) {

    public LedgerEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A metadata value as text, or null. */
    public String meta(String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
