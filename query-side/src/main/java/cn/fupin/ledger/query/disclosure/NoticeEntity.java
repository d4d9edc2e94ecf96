package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeListLine;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A published notice: the bytes that were published (its canonical JSON, exactly as its publication event recorded
 * and hashed them; its content is read from them, {@link PublishedNotices}), the SHA-256 recorded with them, the names
 * of its kind and level it was published with, its period, and what superseded it. {@code lastSequence} is the last
 * event of the notice applied, for idempotency; it guards the notice's objections too, whose events are the notice's
 * events.
 */
@Entity
@Table(name = "notice_view")
class NoticeEntity {

    @Id
    @Column(name = "notice_id", length = 64)
    private String noticeId;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "notice_level", nullable = false, length = 16)
    private String level;

    @Column(name = "place_code", nullable = false, length = 12)
    private String placeCode;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Lob
    @Column(name = "published_json", nullable = false)
    private byte[] publishedJson;

    @Column(name = "content_sha256", nullable = false, length = 64)
    private String contentSha256;

    @Column(name = "kind_name", nullable = false, length = 100)
    private String kindName;

    @Column(name = "level_name", nullable = false, length = 32)
    private String levelName;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", length = 100)
    private String publishedBy;

    @Column(name = "period_ends_at", nullable = false)
    private Instant periodEndsAt;

    @Column(name = "period_ended", nullable = false)
    private boolean periodEnded;

    /** The content's period, kept beside its bytes so that a list of notices shows it without reading them (V23). */
    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    /**
     * What tells the notice from its neighbours in a list (township, village, project, amount), read from its content
     * like its title ({@link NoticeListLine}), so that a list shows it without reading the bytes (V25).
     */
    @Column(name = "list_township", length = 100)
    private String listTownship;

    @Column(name = "list_village", length = 100)
    private String listVillage;

    @Column(name = "list_project", length = 100)
    private String listProject;

    @Column(name = "list_amount", length = 100)
    private String listAmount;

    @Column(name = "supersedes", length = 64)
    private String supersedes;

    @Column(name = "superseded_by", length = 64)
    private String supersededBy;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected NoticeEntity() {
    }

    NoticeEntity(NoticePublishedEvent event, long sequence) {
        this.noticeId = event.noticeId();
        this.kind = event.kind().name();
        this.level = event.level().name();
        this.placeCode = event.placeCode();
        NoticeContent published = PublishedNotices.read(event.contentBytes()).content();
        // The title and period as the bytes hold them, so that a list shows what the notice's own page shows.
        this.title = published.title();
        this.periodStart = published.periodStart();
        this.periodEnd = published.periodEnd();
        NoticeListLine line = NoticeListLine.of(published);
        this.listTownship = line.township();
        this.listVillage = line.village();
        this.listProject = line.project();
        this.listAmount = line.amount();
        this.publishedJson = event.contentBytes();
        this.contentSha256 = event.contentSha256();
        this.kindName = event.kindName();
        this.levelName = event.levelName();
        this.publishedAt = event.publishedAt();
        this.publishedBy = event.publishedBy();
        this.periodEndsAt = event.periodEndsAt();
        this.supersedes = event.supersedes();
        this.lastSequence = sequence;
    }

    /** Applies an event of the notice once: events arrive at least once, and an older sequence is ignored. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    void periodEnded() {
        this.periodEnded = true;
    }

    void supersededBy(String correctionId) {
        this.supersededBy = correctionId;
    }

    String noticeId() { return noticeId; }
    String kind() { return kind; }
    String level() { return level; }
    String placeCode() { return placeCode; }
    String title() { return title; }
    byte[] publishedJson() { return publishedJson.clone(); }
    String contentSha256() { return contentSha256; }
    String kindName() { return kindName; }
    String levelName() { return levelName; }
    Instant publishedAt() { return publishedAt; }
    String publishedBy() { return publishedBy; }
    Instant periodEndsAt() { return periodEndsAt; }
    boolean isPeriodEnded() { return periodEnded; }
    LocalDate periodStart() { return periodStart; }
    LocalDate periodEnd() { return periodEnd; }
    String supersedes() { return supersedes; }
    String supersededBy() { return supersededBy; }
}
