package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An objection to a notice and how it was handled. The objector's text is kept for the officers who resolve it and is
 * never put on a public view; the contact is not kept at all (only whether one was given).
 */
@Entity
@Table(name = "notice_objection_view")
class NoticeObjectionEntity {

    static final String PENDING = "PENDING";

    @Id
    @Column(name = "objection_id", length = 64)
    private String objectionId;

    @Column(name = "notice_id", nullable = false, length = 64)
    private String noticeId;

    @Column(name = "item", nullable = false, length = 80)
    private String item;

    @Lob
    @Column(name = "objection_text", nullable = false)
    private String text;

    @Column(name = "contact_given", nullable = false)
    private boolean contactGiven;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;

    @Lob
    @Column(name = "reason")
    private String reason;

    @Column(name = "resolved_by", length = 100)
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "correction_due", nullable = false)
    private boolean correctionDue;

    @Column(name = "duplicate_of", length = 64)
    private String duplicateOf;

    protected NoticeObjectionEntity() {
    }

    NoticeObjectionEntity(ObjectionFiledEvent event) {
        this.objectionId = event.objectionId();
        this.noticeId = event.noticeId();
        this.item = event.item();
        this.text = event.text();
        this.contactGiven = event.contactCiphertext() != null;
        this.receivedAt = event.filedAt();
        this.outcome = PENDING;
    }

    void resolved(ObjectionResolvedEvent event, Instant resolvedAt) {
        this.outcome = event.outcome().name();
        this.reason = event.reason();
        this.resolvedBy = event.resolvedBy();
        this.resolvedAt = resolvedAt;
        this.correctionDue = event.correctionDue();
    }

    /** Dismissed as a duplicate of another objection: resolved DISMISSED, naming the original. */
    void dismissedAsDuplicate(ObjectionDismissedAsDuplicateEvent event, Instant resolvedAt) {
        this.outcome = ObjectionResolution.DISMISSED.name();
        this.reason = event.reason();
        this.resolvedBy = event.resolvedBy();
        this.resolvedAt = resolvedAt;
        this.correctionDue = false;
        this.duplicateOf = event.duplicateOf();
    }

    String objectionId() { return objectionId; }
    String noticeId() { return noticeId; }
    String item() { return item; }
    String text() { return text; }
    boolean isContactGiven() { return contactGiven; }
    Instant receivedAt() { return receivedAt; }
    String outcome() { return outcome; }
    String reason() { return reason; }
    String resolvedBy() { return resolvedBy; }
    Instant resolvedAt() { return resolvedAt; }
    boolean isCorrectionDue() { return correctionDue; }
    String duplicateOf() { return duplicateOf; }
}
