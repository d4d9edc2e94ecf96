package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * A payment of {@code amountFen} fen for the project {@code projectId} was reversed: the fund holds it reserved for
 * the project again. Afterwards: {@code reservedTotalFen}, {@code disbursedTotalFen}, {@code availableFen} in fen.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record FundDisbursementReversedEvent(String fundId, String projectId, String disbursementId, long amountFen,
                                            long reservedTotalFen, long disbursedTotalFen, long availableFen) {
}
