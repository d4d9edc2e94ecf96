package cn.fupin.ledger.query.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one fund gave to a disbursement, in fen; the id is the disbursement id and the line's number. */
@Entity
@Table(name = "disbursement_fund_line")
class DisbursementFundLineEntity {

    @Id
    @Column(name = "line_id", length = 80)
    private String lineId;

    @Column(name = "disbursement_id", nullable = false, length = 64)
    private String disbursementId;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "fund_id", nullable = false, length = 64)
    private String fundId;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    protected DisbursementFundLineEntity() {
    }

    DisbursementFundLineEntity(String disbursementId, int lineNo, String fundId, long amountFen) {
        this.lineId = id(disbursementId, lineNo);
        this.disbursementId = disbursementId;
        this.lineNo = lineNo;
        this.fundId = fundId;
        this.amountFen = amountFen;
    }

    static String id(String disbursementId, int lineNo) {
        return disbursementId + "#" + lineNo;
    }

    String disbursementId() { return disbursementId; }
    String fundId() { return fundId; }
    long amountFen() { return amountFen; }
}
