package cn.fupin.ledger.shared.stored;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code NoticePublishedEvent} revision 1 → 2: adds the bytes that were published ({@code contentJson}) and the names
 * of the notice's kind and level it was published with. Revision 1 recorded the content and the SHA-256 of its
 * canonical JSON, not the JSON itself; the JSON is rendered again here in format 1 ({@link NoticeJson}), with the
 * names of kinds and levels as they were while revision 1 was written (frozen below, so that renaming a kind later
 * cannot change what an old notice is read as), and accepted only if it hashes to the recorded SHA-256: an event whose
 * recorded hash those bytes do not match cannot be read ({@link UnreadableEventException}), rather than be served
 * with bytes that do not prove it. {@link NoticeJson} must therefore keep rendering format 1 as it did; a new format
 * is a new version field, and this upcaster keeps format 1.
 */
final class NoticePublishedEventUpcaster extends SingleEventUpcaster {

    static final String TYPE = "cn.fupin.ledger.shared.disclosure.NoticePublishedEvent";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    /** The names of the kinds of notice while revision 1 was written. */
    static final Map<String, String> KIND_NAMES = Map.of(
            "FUND_ALLOCATION", "资金分配公告",
            "ROUND_RESULT", "竞争立项结果公示",
            "PROJECT_LIST", "项目计划公告",
            "PROJECT_PLAN", "项目计划公示",
            "GRANT_LIST", "到户增收项目启动资金公示",
            "COMPLETION", "项目竣工验收公告",
            "CORRECTION", "更正公告");

    /** The names of the levels while revision 1 was written. */
    static final Map<String, String> LEVEL_NAMES = Map.of(
            "COUNTY", "县",
            "TOWNSHIP", "乡镇",
            "VILLAGE", "村");

    private final ObjectMapper mapper;

    NoticePublishedEventUpcaster(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String description = "stored event " + event.getMessageIdentifier()
                + event.getAggregateIdentifier().map(id -> " of " + id).orElse("")
                + event.getSequenceNumber().map(sequence -> " at sequence " + sequence).orElse("");
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            String kindName = KIND_NAMES.get(upcast.path("kind").asText());
            String levelName = LEVEL_NAMES.get(upcast.path("level").asText());
            if (kindName == null || levelName == null || !upcast.path("content").isObject()) {
                throw new UnreadableEventException(description + " (NoticePublishedEvent revision 1) names no kind, "
                        + "level or content a notice of revision 1 could have");
            }
            byte[] published = NoticeJson.render(content(upcast.get("content"), description), kindName);
            String recorded = upcast.path("contentSha256").asText();
            if (!NoticeJson.sha256(published).equals(recorded)) {
                throw new UnreadableEventException(description + " (NoticePublishedEvent revision 1) records the "
                        + "SHA-256 " + recorded + ", which is not that of its content's canonical JSON: the content or "
                        + "its hash was changed after publication");
            }
            upcast.put("contentJson", new String(published, StandardCharsets.UTF_8));
            upcast.put("kindName", kindName);
            upcast.put("levelName", levelName);
            return upcast;
        });
    }

    private NoticeContent content(JsonNode content, String description) {
        try {
            return mapper.treeToValue(content, NoticeContent.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(description + " (NoticePublishedEvent revision 1) holds a content "
                    + "that does not read as a notice: " + e.getOriginalMessage());
        }
    }
}
