package cn.fupin.ledger.shared.fund;

import org.axonframework.serialization.Revision;

/**
 * The fund reserved {@code amountFen} fen for the approved project {@code projectId}. {@code reservedTotalFen} is
 * what the fund holds reserved for all projects afterwards and {@code availableFen} what it can still promise
 * (appropriated - reserved - disbursed), both in fen; {@code availableFen} is never negative.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record FundsReservedEvent(String fundId, String projectId, long amountFen, long reservedTotalFen,
                                 long availableFen) {
}
