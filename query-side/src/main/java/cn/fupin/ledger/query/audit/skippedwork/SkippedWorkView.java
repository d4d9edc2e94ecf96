package cn.fupin.ledger.query.audit.skippedwork;

import java.time.Instant;
import java.util.List;

/**
 * A notice the automatic publisher skipped, as officers read it: what it is ({@code noticeId}, {@code kind}), the event
 * that made it due ({@code cause}), why it was refused ({@code code}, {@code detail}, {@code problems} as
 * {@code "field CODE"}, never personal data), since when, whether it is {@code OPEN} or {@code PUBLISHED} since, and
 * its retries by officers.
 */
public record SkippedWorkView(String noticeId, String kind, Cause cause, String code, String detail,
                              List<String> problems, Instant skippedAt, String status, int retries,
                              Instant lastRetryAt, String lastRetryBy) {

    /** The event that made the notice due: its id, type, stream and sequence there. */
    public record Cause(String eventId, String type, String aggregateId, long sequence) {
    }
}
