package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link ProjectProposedEvent} of revision 1 as revision 2: revision 2 added the household project's subsidy
 * standard in fen ({@code subsidyStandardFen}), which no proposal of revision 1 stated, so it is {@code null}. The
 * stored bytes are never changed; this runs whenever they are read. Axon's Spring configuration registers every
 * {@code EventUpcaster} bean in the event store's upcaster chain.
 */
@Component
public class ProjectProposedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ProjectProposedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ProjectProposedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (!payload.has("subsidyStandardFen")) {
                ((ObjectNode) payload).putNull("subsidyStandardFen");
            }
            return payload;
        });
    }
}
