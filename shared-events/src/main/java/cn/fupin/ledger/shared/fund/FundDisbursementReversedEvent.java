package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * A payment of {@code amountFen} fen for the project {@code projectId} was reversed: the fund holds it reserved for
 * the project again. Afterwards: {@code reservedTotalFen}, {@code disbursedTotalFen}, {@code availableFen} in fen.
 */
@Revision("1")
public record FundDisbursementReversedEvent(String fundId, String projectId, String disbursementId, long amountFen,
                                            long reservedTotalFen, long disbursedTotalFen, long availableFen) {
}
