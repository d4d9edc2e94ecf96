package cn.fupin.ledger.shared.disclosure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A published notice as the public pages show it: {@code contentJson}, the notice exactly as published (its canonical
 * JSON, whose UTF-8 bytes are served as {@code notices/<id>.json} and hash to {@code contentSha256}, the SHA-256
 * recorded at publication); {@code content}, read from those bytes; {@code kindName} and {@code levelName}, the names
 * of its kind and level it was published with (its pages show these, not what the code calls them now); its period,
 * what superseded it (or {@code null}), and how its objections were received and handled (受理方式和办理结果) — never
 * the objector's contact. {@code lateByWorkingDays} is how many working days after its due date it was published (0
 * when on time; only allocation notices have a due date).
 */
public record NoticeView(
        NoticeContent content,
        String contentJson,
        String contentSha256,
        String kindName,
        String levelName,
        Instant publishedAt,
        Instant periodEndsAt,
        String supersededBy,
        int lateByWorkingDays,
        List<ObjectionOutcome> objections) {

    /** The bytes that were published: the UTF-8 of {@code contentJson}, which hash to {@code contentSha256}. */
    public byte[] contentBytes() {
        return contentJson.getBytes(StandardCharsets.UTF_8);
    }

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
