package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * Money was appropriated to a fund: {@code amountFen} fen (integer, positive) of {@code source} for
 * {@code fiscalYear}, by the document {@code documentNo}. {@code appropriatedTotalFen} is the fund's total
 * appropriation after this one, in fen, so that the event alone shows the running total.
 */
@Revision("1")
public record FundsAppropriatedEvent(
        String fundId,
        String appropriationId,
        int fiscalYear,
        FundSource source,
        long amountFen,
        String documentNo,
        String note,
        long appropriatedTotalFen) {
}
