package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.FundSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One appropriation as recorded, with its document number. */
@Entity
@Table(name = "appropriation_view")
class AppropriationEntity {

    @Id
    @Column(name = "appropriation_id", length = 64)
    private String appropriationId;

    @Column(name = "fund_id", nullable = false, length = 64)
    private String fundId;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 32)
    private FundSource source;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    @Column(name = "document_no", nullable = false, length = 64)
    private String documentNo;

    @Column(name = "note", length = 500)
    private String note;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected AppropriationEntity() {
    }

    AppropriationEntity(String appropriationId, String fundId, int fiscalYear, FundSource source, long amountFen,
                        String documentNo, String note, Instant recordedAt) {
        this.appropriationId = appropriationId;
        this.fundId = fundId;
        this.fiscalYear = fiscalYear;
        this.source = source;
        this.amountFen = amountFen;
        this.documentNo = documentNo;
        this.note = note;
        this.recordedAt = recordedAt;
    }

    cn.fupin.ledger.shared.fund.AppropriationView view() {
        return new cn.fupin.ledger.shared.fund.AppropriationView(appropriationId, fundId, fiscalYear, source, amountFen,
                documentNo, note, recordedAt);
    }
}
