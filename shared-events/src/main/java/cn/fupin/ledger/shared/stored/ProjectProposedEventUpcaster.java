package cn.fupin.ledger.shared.stored;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code ProjectProposedEvent} revision 1 → 2: revision 2 added the household project's subsidy standard in fen
 * ({@code subsidyStandardFen}), which no proposal of revision 1 stated, so it is {@code null}; nothing else changes.
 * The stored type's name is written out: it names what was stored.
 */
final class ProjectProposedEventUpcaster extends SingleEventUpcaster {

    static final String TYPE = "cn.fupin.ledger.shared.project.ProjectProposedEvent";
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
            if (!upcast.has("subsidyStandardFen")) {
                upcast.putNull("subsidyStandardFen");
            }
            return upcast;
        });
    }
}
