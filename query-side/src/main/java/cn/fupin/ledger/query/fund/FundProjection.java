package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps fund balances and the list of appropriations. Idempotent: an appropriation is stored once by its id, and a
 * fund applies each of its events once by sequence number, so a redelivered event changes nothing. The totals are the
 * sums of the events' amounts, as the fund aggregate derives them; the totals an event records are not read.
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
            fund.appropriated(event.amountFen());
            funds.save(fund);
        }
        if (appropriations.findById(event.appropriationId()).isEmpty()) {
            appropriations.save(new AppropriationEntity(event.appropriationId(), event.fundId(), event.fiscalYear(),
                    event.source(), event.amountFen(), event.documentNo(), event.note(), recordedAt));
        }
    }

    @EventHandler
    void on(FundsReservedEvent event, @SequenceNumber long sequence) {
        change(event.fundId(), sequence, fund -> fund.reserved(event.amountFen()));
    }

    @EventHandler
    void on(FundReservationReleasedEvent event, @SequenceNumber long sequence) {
        change(event.fundId(), sequence, fund -> fund.reserved(-event.amountFen()));
    }

    @EventHandler
    void on(FundsDisbursedEvent event, @SequenceNumber long sequence) {
        change(event.fundId(), sequence, fund -> fund.paid(event.amountFen()));
    }

    @EventHandler
    void on(FundDisbursementReversedEvent event, @SequenceNumber long sequence) {
        change(event.fundId(), sequence, fund -> fund.paid(-event.amountFen()));
    }

    /** Applies an event of the fund once, by its sequence number. */
    private void change(String fundId, long sequence, Consumer<FundEntity> change) {
        FundEntity fund = projected(fundId);
        if (fund.advanceTo(sequence)) {
            change.accept(fund);
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
