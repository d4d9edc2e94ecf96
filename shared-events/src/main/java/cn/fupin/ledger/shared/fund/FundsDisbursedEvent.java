package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * The fund paid {@code amountFen} fen of what it held reserved for the project {@code projectId}, for the
 * disbursement {@code disbursementId}. Afterwards it holds {@code reservedTotalFen} reserved, has paid
 * {@code disbursedTotalFen} and can still promise {@code availableFen}, all in fen.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record FundsDisbursedEvent(String fundId, String projectId, String disbursementId, long amountFen,
                                  long reservedTotalFen, long disbursedTotalFen, long availableFen) {
}
