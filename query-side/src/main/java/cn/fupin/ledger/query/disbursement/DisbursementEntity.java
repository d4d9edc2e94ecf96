package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One disbursement as staff and auditors read it: the payee, the amount in fen, the voucher and batch, where it
 * stands, and who requested, decided and reversed it, when and why. Its split over the funds is in
 * {@link DisbursementFundLineEntity}.
 */
@Entity
@Table(name = "disbursement_view")
class DisbursementEntity {

    @Id
    @Column(name = "disbursement_id", length = 64)
    private String disbursementId;

    @Column(name = "project_id", nullable = false, length = 64)
    private String projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "payee_kind", nullable = false, length = 16)
    private PayeeKind payeeKind;

    @Column(name = "village_code", length = 12)
    private String villageCode;

    @Column(name = "township_code", length = 9)
    private String townshipCode;

    @Column(name = "card_no", length = 32)
    private String cardNo;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Column(name = "voucher_no", length = 200)
    private String voucherNo;

    @Column(name = "batch_id", length = 64)
    private String batchId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private DisbursementStatus status;

    @Column(name = "requested_by", length = 100)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "reversed_by", length = 100)
    private String reversedBy;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Lob
    @Column(name = "reason")
    private String reason;

    protected DisbursementEntity() {
    }

    DisbursementEntity(DisbursementRequestedEvent event, Instant requestedAt) {
        this.disbursementId = event.disbursementId();
        this.projectId = event.projectId();
        this.payeeKind = event.payeeKind();
        this.villageCode = event.villageCode();
        this.townshipCode = event.townshipCode();
        this.cardNo = event.cardNo();
        this.amountFen = event.amountFen();
        this.voucherNo = event.voucherNo();
        this.batchId = event.batchId();
        this.status = DisbursementStatus.REQUESTED;
        this.requestedBy = event.requestedBy();
        this.requestedAt = requestedAt;
    }

    /**
     * Moves to {@code next} if that is a step forward: REQUESTED → APPROVED or REJECTED → (APPROVED only) REVERSED.
     * Each status is reached at most once, so a redelivered or late event, which would be no step forward, changes
     * nothing; that makes the row idempotent whichever stream its events come from.
     */
    boolean moveTo(DisbursementStatus next) {
        if (!Lifecycle.isStepForward(status, next)) {
            return false;
        }
        status = next;
        return true;
    }

    void decided(String decidedBy, Instant decidedAt, String reason) {
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.reason = reason;
    }

    void reversed(String reversedBy, Instant reversedAt, String reason) {
        this.reversedBy = reversedBy;
        this.reversedAt = reversedAt;
        this.reason = reason;
    }

    String disbursementId() { return disbursementId; }
    String projectId() { return projectId; }
    PayeeKind payeeKind() { return payeeKind; }
    String villageCode() { return villageCode; }
    String townshipCode() { return townshipCode; }
    String cardNo() { return cardNo; }
    long amountFen() { return amountFen; }
    String voucherNo() { return voucherNo; }
    String batchId() { return batchId; }
    DisbursementStatus status() { return status; }
    String requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String reversedBy() { return reversedBy; }
    Instant reversedAt() { return reversedAt; }
    String reason() { return reason; }
}
