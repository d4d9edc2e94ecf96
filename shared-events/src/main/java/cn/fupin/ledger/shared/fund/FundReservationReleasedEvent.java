package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * The fund released {@code amountFen} fen it held reserved for the project {@code projectId} and not paid, because
 * the project was {@code reason} (CANCELLED or ACCEPTED). {@code reservedTotalFen} and {@code availableFen} are the
 * fund's reserved and available totals afterwards, in fen.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record FundReservationReleasedEvent(String fundId, String projectId, long amountFen, String reason,
                                           long reservedTotalFen, long availableFen) {
}
