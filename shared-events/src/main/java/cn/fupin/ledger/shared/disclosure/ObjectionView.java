package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;

/**
 * An objection as the officers who resolve it see it: the item, the objector's text, when it was received, and how
 * it was resolved ({@code outcome} PENDING, UPHELD or DISMISSED, with the reason, who and when). The objector's
 * contact is never shown, only whether one was given. {@code duplicateOf} names the objection it was dismissed as a
 * duplicate of, or is {@code null}. Not for the public pages, which show {@link NoticeView}.
 */
public record ObjectionView(String objectionId, String noticeId, String item, String text, boolean contactGiven,
                            Instant receivedAt, String outcome, String reason, String resolvedBy, Instant resolvedAt,
                            boolean correctionDue, String duplicateOf) {

    /** An objection not dismissed as a duplicate. */
    public ObjectionView(String objectionId, String noticeId, String item, String text, boolean contactGiven,
                         Instant receivedAt, String outcome, String reason, String resolvedBy, Instant resolvedAt,
                         boolean correctionDue) {
        this(objectionId, noticeId, item, text, contactGiven, receivedAt, outcome, reason, resolvedBy, resolvedAt,
                correctionDue, null);
    }
}
