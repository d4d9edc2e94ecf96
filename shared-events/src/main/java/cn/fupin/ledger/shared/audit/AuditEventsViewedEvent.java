package cn.fupin.ledger.shared.audit;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An auditor ({@code viewedBy}; the metadata names the role, request and address as for every event) was shown the
 * event history ({@code GET /api/audit/events}) with the filters given (null where not given), and how much it showed:
 * {@code events} events, in {@code format} ({@code JSON} or {@code CSV}), with personal data in plain text when
 * {@code personalDataRevealed}. Recorded because every view of the ledger's personal data must be traceable, and
 * because what an auditor looked at is itself part of the record. Each view has a stream of its own
 * ({@code AEV-<viewId>}).
 *
 * @param viewId a fresh identifier per view
 * @param viewedBy the auditor's user name
 * @param subject the subject filter (a household card, village, township, project, fund, notice, round, payment or
 *                batch id), or null
 * @param actor the actor filter, or null
 * @param role the role filter, or null
 * @param type the event type filter (simple name), or null
 * @param from ledger time from (inclusive), or null
 * @param to ledger time to (exclusive), or null
 * @param requestId the request id filter, or null
 * @param order {@code newest} or {@code oldest}
 * @param after the keyset cursor (a global index, exclusive), or null for the first page
 * @param size the page size asked for, or null (CSV without paging: every matching event)
 * @param format {@code JSON} or {@code CSV}
 * @param events how many events the view showed
 * @param personalDataRevealed whether any of them carried personal data shown in plain text
 */
@Revision("1")
public record AuditEventsViewedEvent(String viewId, String viewedBy, String subject, String actor, String role,
                                     String type, Instant from, Instant to, String requestId, String order, Long after,
                                     Integer size, String format, long events, boolean personalDataRevealed) {
}
