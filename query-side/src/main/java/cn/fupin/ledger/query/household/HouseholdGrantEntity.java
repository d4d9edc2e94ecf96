package cn.fupin.ledger.query.household;

import cn.fupin.ledger.query.disbursement.Lifecycle;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A start-up grant requested for a household, by disbursement id: the project, the amount in fen, and where it stands
 * (REQUESTED, APPROVED, REJECTED, REVERSED). The status only moves forward ({@link Lifecycle}), which makes a
 * redelivered event harmless.
 */
@Entity
@Table(name = "household_grant")
class HouseholdGrantEntity {

    @Id
    @Column(name = "disbursement_id", length = 64)
    private String disbursementId;

    @Column(name = "card_no", nullable = false, length = 32)
    private String cardNo;

    @Column(name = "project_id", nullable = false, length = 64)
    private String projectId;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private DisbursementStatus status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected HouseholdGrantEntity() {
    }

    HouseholdGrantEntity(String disbursementId, String cardNo, String projectId, long amountFen, Instant requestedAt) {
        this.disbursementId = disbursementId;
        this.cardNo = cardNo;
        this.projectId = projectId;
        this.amountFen = amountFen;
        this.status = DisbursementStatus.REQUESTED;
        this.requestedAt = requestedAt;
    }

    boolean moveTo(DisbursementStatus next) {
        if (!Lifecycle.isStepForward(status, next)) {
            return false;
        }
        status = next;
        return true;
    }

    String disbursementId() { return disbursementId; }
    String projectId() { return projectId; }
    long amountFen() { return amountFen; }
    DisbursementStatus status() { return status; }
}
