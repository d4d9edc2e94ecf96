package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.FundSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A fund's balances in fen; {@code lastSequence} is the last event of the fund applied, for idempotency. */
@Entity
@Table(name = "fund_view")
class FundEntity {

    @Id
    @Column(name = "fund_id", length = 64)
    private String fundId;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 32)
    private FundSource source;

    @Column(name = "appropriated_fen", nullable = false)
    private long appropriatedFen;

    @Column(name = "reserved_fen", nullable = false)
    private long reservedFen;

    @Column(name = "disbursed_fen", nullable = false)
    private long disbursedFen;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected FundEntity() {
    }

    FundEntity(String fundId, int fiscalYear, FundSource source) {
        this.fundId = fundId;
        this.fiscalYear = fiscalYear;
        this.source = source;
        this.lastSequence = -1;
    }

    /** Applies an event of the fund once: events arrive at least once, and an older sequence is ignored. */
    boolean advanceTo(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    /**
     * Adds an appropriation. The fund's totals are the sums of its events' amounts (as the fund itself derives them),
     * never the totals an event records; each event is applied once ({@link #advanceTo}), so a replay adds nothing twice.
     */
    void appropriated(long amountFen) {
        this.appropriatedFen = Math.addExact(appropriatedFen, amountFen);
    }

    /** Reserves ({@code fen} &gt; 0) or releases ({@code fen} &lt; 0) part of the fund. */
    void reserved(long fen) {
        this.reservedFen = Math.addExact(reservedFen, fen);
    }

    /** Pays ({@code fen} &gt; 0) out of the reservations, or takes a payment back into them ({@code fen} &lt; 0). */
    void paid(long fen) {
        this.reservedFen = Math.subtractExact(reservedFen, fen);
        this.disbursedFen = Math.addExact(disbursedFen, fen);
    }

    String fundId() {
        return fundId;
    }

    int fiscalYear() {
        return fiscalYear;
    }

    FundSource source() {
        return source;
    }

    long appropriatedFen() {
        return appropriatedFen;
    }

    long reservedFen() {
        return reservedFen;
    }

    long disbursedFen() {
        return disbursedFen;
    }
}
