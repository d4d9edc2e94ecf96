package cn.fupin.ledger.shared.stored;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code FundsAppropriatedEvent} revision 1 → 2: the running total {@code appropriatedTotalFen} is left out. The fund
 * derives its total from the amounts of its appropriations, so a stored total that disagreed with them could only
 * mislead; nothing else changes. The stored type's name is written out, not taken from the class, because it names
 * what was stored: moving the class would need an upcaster of its own.
 */
final class FundsAppropriatedEventUpcaster extends SingleEventUpcaster {

    static final String TYPE = "cn.fupin.ledger.shared.fund.FundsAppropriatedEvent";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            upcast.remove("appropriatedTotalFen");
            return upcast;
        });
    }
}
