package cn.fupin.ledger.query.audit.skippedwork;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One notice the automatic publisher skipped, as the officers' list shows it: its latest skip (cause, refusal code,
 * detail, problems), whether it is still OPEN or PUBLISHED since, and its retries. {@code lastSequence} is the sequence of
 * the last event of the notice's skip stream applied here, so a redelivered skip or retry changes nothing.
 */
@Entity
@Table(name = "skipped_work")
class SkippedWorkEntity {

    static final String OPEN = "OPEN";
    static final String PUBLISHED = "PUBLISHED";

    @Id
    @Column(name = "notice_id", length = 200)
    private String noticeId;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "cause_event_id", length = 64)
    private String causeEventId;

    @Column(name = "cause_type", length = 100)
    private String causeType;

    @Column(name = "cause_aggregate_id", length = 200)
    private String causeAggregateId;

    @Column(name = "cause_sequence", nullable = false)
    private long causeSequence;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "detail", length = 1000)
    private String detail;

    /** The problems, one per line ("field CODE"). */
    @Column(name = "problems", length = 4000)
    private String problems;

    @Column(name = "skipped_at", nullable = false)
    private Instant skippedAt;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "retries", nullable = false)
    private int retries;

    @Column(name = "last_retry_at")
    private Instant lastRetryAt;

    @Column(name = "last_retry_by", length = 100)
    private String lastRetryBy;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected SkippedWorkEntity() {
    }

    SkippedWorkEntity(String noticeId) {
        this.noticeId = noticeId;
        this.status = OPEN;
        this.lastSequence = -1;
    }

    /** Whether the skip stream's event at {@code sequence} is new here; a redelivery is not. */
    boolean isNew(long sequence) {
        return sequence > lastSequence;
    }

    void skipped(long sequence, String kind, String causeEventId, String causeType, String causeAggregateId,
                 long causeSequence, String code, String detail, List<String> problems, Instant at) {
        this.lastSequence = sequence;
        this.kind = kind;
        this.causeEventId = causeEventId;
        this.causeType = causeType;
        this.causeAggregateId = causeAggregateId;
        this.causeSequence = causeSequence;
        this.code = code;
        this.detail = cut(detail, 1000);
        this.problems = cut(String.join("\n", problems), 4000);
        this.skippedAt = skippedAt == null ? at : skippedAt;
    }

    void retried(long sequence, boolean published, String code, String by, Instant at) {
        this.lastSequence = sequence;
        this.retries++;
        this.lastRetryAt = at;
        this.lastRetryBy = by;
        if (published) {
            this.status = PUBLISHED;
        } else if (code != null) {
            this.code = code;
        }
    }

    void published() {
        this.status = PUBLISHED;
    }

    SkippedWorkView view() {
        return new SkippedWorkView(noticeId, kind, new SkippedWorkView.Cause(causeEventId, causeType, causeAggregateId,
                causeSequence), code, detail, problems == null || problems.isEmpty() ? List.of()
                : Arrays.asList(problems.split("\n")), skippedAt, status, retries, lastRetryAt, lastRetryBy);
    }

    private static String cut(String text, int lengthMax) {
        return text == null || text.length() <= lengthMax ? text : text.substring(0, lengthMax);
    }
}
