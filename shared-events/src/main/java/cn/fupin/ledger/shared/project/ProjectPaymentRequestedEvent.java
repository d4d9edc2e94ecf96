package cn.fupin.ledger.shared.project;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A payment of {@code amountFen} fen ({@code fromFunds} per fund) from the project is pending approval. *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record ProjectPaymentRequestedEvent(String projectId, String disbursementId, long amountFen,
                                           List<BudgetLine> fromFunds) {
}
