package cn.fupin.ledger.query.fund;

import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps fund balances and the list of appropriations. Idempotent: an appropriation is stored once by its id, and a
 * fund applies each of its events once by sequence number, so a redelivered event changes nothing.
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

    @ResetHandler
    void reset() {
        appropriations.deleteAllInBatch();
        funds.deleteAllInBatch();
    }
}
