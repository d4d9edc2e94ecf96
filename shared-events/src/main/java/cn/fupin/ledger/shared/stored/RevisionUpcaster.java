package cn.fupin.ledger.shared.stored;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One stored event type from one revision to the next by a change of its JSON payload. The stored type's name is
 * written out by each subclass, not taken from the class, because it names what was stored: moving the class would
 * need an upcaster of its own.
 */
abstract class RevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    RevisionUpcaster(String storedType, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(storedType, fromRevision);
        this.to = new SimpleSerializedType(storedType, toRevision);
    }

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation event) {
        return from.equals(event.getType());
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            change(upcast);
            return upcast;
        });
    }

    /** Makes {@code payload}, a copy of the stored one, the next revision's. */
    abstract void change(ObjectNode payload);
}
