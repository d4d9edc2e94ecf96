package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * The fund paid {@code amountFen} fen of what it held reserved for the project {@code projectId}, for the
 * disbursement {@code disbursementId}. Afterwards it holds {@code reservedTotalFen} reserved, has paid
 * {@code disbursedTotalFen} and can still promise {@code availableFen}, all in fen.
 */
@Revision("1")
public record FundsDisbursedEvent(String fundId, String projectId, String disbursementId, long amountFen,
                                  long reservedTotalFen, long disbursedTotalFen, long availableFen) {
}
