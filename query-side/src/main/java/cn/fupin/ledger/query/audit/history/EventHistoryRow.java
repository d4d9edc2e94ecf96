package cn.fupin.ledger.query.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One event as the event history shows it: where it is in the store, what it is, when, the payload as the aggregates
 * read it (after upcasting; personal data in plain text, for the auditor) and its metadata (actor, role, requestId,
 * remoteAddress, reason and Axon's correlation data).
 */
public record EventHistoryRow(long globalIndex, String eventId, String type, String revision, String aggregateType,
                       String aggregateId, long sequence, Instant timestamp, JsonNode payload,
                       Map<String, Object> metadata) {
}
