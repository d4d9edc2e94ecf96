package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;
import java.util.List;

/**
 * A published notice as the public pages show it: its content exactly as published, the SHA-256 recorded when it was
 * published, its period, what superseded it (or {@code null}), and how its objections were received and handled
 * (受理方式和办理结果) — never the objector's contact. {@code lateByWorkingDays} is how many working days after its due
 * date it was published (0 when on time; only allocation notices have a due date).
 */
public record NoticeView(
        NoticeContent content,
        String contentSha256,
        Instant publishedAt,
        Instant periodEndsAt,
        String supersededBy,
        int lateByWorkingDays,
        List<ObjectionOutcome> objections) {

    /**
     * One objection as published: which item, when received, and how it was handled (or that it is pending);
     * {@code duplicateOf} names the objection it was dismissed as a duplicate of, or is {@code null}.
     */
    public record ObjectionOutcome(String objectionId, String item, Instant receivedAt, String outcome,
                                   String handling, Instant resolvedAt, String duplicateOf) {

        /** An objection not dismissed as a duplicate. */
        public ObjectionOutcome(String objectionId, String item, Instant receivedAt, String outcome, String handling,
                                Instant resolvedAt) {
            this(objectionId, item, receivedAt, outcome, handling, resolvedAt, null);
        }
    }
}
