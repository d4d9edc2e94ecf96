package cn.fupin.ledger.ops.testing;

import cn.fupin.ledger.shared.household.HouseholdCardNo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads Axon's event table straight from the database, as an auditor's tool would. */
public final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts every stored event except notices. The automatic publisher records notices in the background in reaction
     * to facts other test classes record (they share one ledger), so "this request recorded nothing" is checked on
     * everything else; a refused request cannot cause a notice, because it records no fact to react to. The scheduled
     * reconciliation's results ({@code ReconciliationRecordedEvent}) are left out for the same reason: db-scheduler
     * runs the task on whichever context finds it due (the demo clock's jumps make it due at any moment of a run), and
     * no request causes one.
     */
    public static final String COUNT_EXCEPT_NOTICES = "SELECT COUNT(*) FROM domain_event_entry"
            + " WHERE (type IS NULL OR type <> 'Notice')"
            + " AND payload_type <> 'cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent'";

    /** Every event in the store except notices (see {@link #COUNT_EXCEPT_NOTICES}). */
    public long count() {
        return jdbc.queryForObject(COUNT_EXCEPT_NOTICES, Long.class);
    }

    /** The refused four-eyes attempts recorded about {@code subjectId} (a project, disbursement or batch), in order. */
    public List<StoredEvent> fourEyesRefusalsOf(String subjectId) {
        return jdbc.query("SELECT payload_type, payload, meta_data FROM domain_event_entry"
                        + " WHERE payload_type LIKE '%.FourEyesRefusalRecordedEvent' ORDER BY global_index",
                (rs, row) -> new StoredEvent(rs.getString(1), json(rs.getBytes(2)), json(rs.getBytes(3))))
                .stream().filter(event -> subjectId.equals(event.payload().path("subjectId").asText())).toList();
    }

    /** Every stored event whose payload type ends with the given simple class name, in order. */
    public List<StoredEvent> ofType(String simpleTypeName) {
        return jdbc.query("SELECT payload_type, payload, meta_data FROM domain_event_entry"
                        + " WHERE payload_type LIKE ? ORDER BY global_index",
                (rs, row) -> new StoredEvent(rs.getString(1), json(rs.getBytes(2)), json(rs.getBytes(3))),
                "%." + simpleTypeName);
    }

    /** The events of one aggregate, in order. */
    public List<StoredEvent> of(String aggregateIdentifier) {
        return jdbc.query("SELECT payload_type, payload, meta_data FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (rs, row) -> new StoredEvent(rs.getString(1), json(rs.getBytes(2)), json(rs.getBytes(3))),
                aggregateIdentifier);
    }

    /** The events of the household with the card number, from its stream ({@code HH-<card number>}). */
    public List<StoredEvent> ofHousehold(String cardNo) {
        return of(HouseholdCardNo.streamIdOf(cardNo));
    }

    /** The same, of one type. */
    public List<StoredEvent> ofHousehold(String cardNo, String simpleTypeName) {
        return of(HouseholdCardNo.streamIdOf(cardNo), simpleTypeName);
    }

    /** The events of one aggregate whose payload type ends with the given simple class name. */
    public List<StoredEvent> of(String aggregateIdentifier, String simpleTypeName) {
        return of(aggregateIdentifier).stream().filter(event -> event.isA(simpleTypeName)).toList();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One stored event: its payload type (a class name), its payload and its metadata as JSON. */
    public record StoredEvent(String payloadType, JsonNode payload, JsonNode metaData) {

        public boolean isA(String simpleTypeName) {
            return payloadType.endsWith("." + simpleTypeName);
        }

        public String meta(String key) {
            JsonNode value = metaData == null ? null : metaData.get(key);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
