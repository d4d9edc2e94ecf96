package cn.fupin.ledger.query.coverage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A start-up grant paid to a household, by disbursement id, in fen; {@code reversed} once the payment was reversed
 * (a reversal is final, so setting it twice is harmless).
 */
@Entity
@Table(name = "coverage_grant")
class CoverageGrantEntity {

    @Id
    @Column(name = "disbursement_id", length = 64)
    private String disbursementId;

    @Column(name = "card_no", nullable = false, length = 32)
    private String cardNo;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Column(name = "reversed", nullable = false)
    private boolean reversed;

    protected CoverageGrantEntity() {
    }

    CoverageGrantEntity(String disbursementId, String cardNo, long amountFen) {
        this.disbursementId = disbursementId;
        this.cardNo = cardNo;
        this.amountFen = amountFen;
    }

    void reversed() {
        this.reversed = true;
    }
}
