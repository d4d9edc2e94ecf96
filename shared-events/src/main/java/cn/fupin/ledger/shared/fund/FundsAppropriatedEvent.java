package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * Money was appropriated to a fund: {@code amountFen} fen (integer, positive) of {@code source} for
 * {@code fiscalYear}, by the document {@code documentNo}. The fund's total is the sum of its appropriations' amounts;
 * revision 1 also recorded that running total ({@code appropriatedTotalFen}), which a history could contradict, and
 * which the upcaster from revision 1 leaves out ({@code FundsAppropriatedEventUpcaster}).
 *
 * <p>Revision 3: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 2, whose fund ids had none.
 */
@Revision("3")
public record FundsAppropriatedEvent(
        String fundId,
        String appropriationId,
        int fiscalYear,
        FundSource source,
        long amountFen,
        String documentNo,
        String note) {
}
