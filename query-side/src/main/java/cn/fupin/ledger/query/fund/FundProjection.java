package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps fund balances and the list of appropriations. Idempotent: an appropriation is stored once by its id, and a
 * fund applies each of its events once by sequence number, so a redelivered event changes nothing. Reservations,
 * releases, payments and reversed payments carry the fund's totals after the change, which are copied, not added.
 */
@Component
@ProcessingGroup(FundProjection.GROUP)
class FundProjection {

    static final String GROUP = "funds";

    private final FundRepository funds;
    private final AppropriationRepository appropriations;

    FundProjection(FundRepository funds, AppropriationRepository appropriations) {
        this.funds = funds;
        this.appropriations = appropriations;
    }

    @EventHandler
    void on(FundsAppropriatedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        FundEntity fund = funds.findById(event.fundId())
                .orElseGet(() -> new FundEntity(event.fundId(), event.fiscalYear(), event.source()));
        if (fund.advanceTo(sequence)) {
            fund.appropriatedTotal(event.appropriatedTotalFen());
            funds.save(fund);
        }
        if (!appropriations.existsById(event.appropriationId())) {
            appropriations.save(new AppropriationEntity(event.appropriationId(), event.fundId(), event.fiscalYear(),
                    event.source(), event.amountFen(), event.documentNo(), event.note(), recordedAt));
        }
    }

    @EventHandler
    void on(FundsReservedEvent event, @SequenceNumber long sequence) {
        reservedTotal(event.fundId(), sequence, event.reservedTotalFen());
    }

    @EventHandler
    void on(FundReservationReleasedEvent event, @SequenceNumber long sequence) {
        reservedTotal(event.fundId(), sequence, event.reservedTotalFen());
    }

    @EventHandler
    void on(FundsDisbursedEvent event, @SequenceNumber long sequence) {
        paymentTotals(event.fundId(), sequence, event.reservedTotalFen(), event.disbursedTotalFen());
    }

    @EventHandler
    void on(FundDisbursementReversedEvent event, @SequenceNumber long sequence) {
        paymentTotals(event.fundId(), sequence, event.reservedTotalFen(), event.disbursedTotalFen());
    }

    private void reservedTotal(String fundId, long sequence, long reservedTotalFen) {
        FundEntity fund = projected(fundId);
        if (fund.advanceTo(sequence)) {
            fund.reservedTotal(reservedTotalFen);
            funds.save(fund);
        }
    }

    private void paymentTotals(String fundId, long sequence, long reservedTotalFen, long disbursedTotalFen) {
        FundEntity fund = projected(fundId);
        if (fund.advanceTo(sequence)) {
            fund.paymentTotals(reservedTotalFen, disbursedTotalFen);
            funds.save(fund);
        }
    }

    private FundEntity projected(String fundId) {
        // A fund's first event is its first appropriation, and a fund's events arrive in order: a reservation or a
        // payment of a fund not projected yet is a bug, not a case to paper over (a new row would skip the
        // appropriation).
        return funds.findById(fundId)
                .orElseThrow(() -> new IllegalStateException("event of a fund not yet projected: " + fundId));
    }

    @ResetHandler
    void reset() {
        appropriations.deleteAllInBatch();
        funds.deleteAllInBatch();
    }
}
