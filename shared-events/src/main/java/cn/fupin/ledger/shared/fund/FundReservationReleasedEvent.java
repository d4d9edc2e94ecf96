package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * The fund released {@code amountFen} fen it held reserved for the project {@code projectId} and not paid, because
 * the project was {@code reason} (CANCELLED or ACCEPTED). {@code reservedTotalFen} and {@code availableFen} are the
 * fund's reserved and available totals afterwards, in fen.
 */
@Revision("1")
public record FundReservationReleasedEvent(String fundId, String projectId, long amountFen, String reason,
                                           long reservedTotalFen, long availableFen) {
}
