package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The payment was approved by {@code approvedBy} and so made: {@code amountFen} fen left the project's reservation
 * in each fund as {@code fromFunds} says, to the village {@code villageCode} or the household {@code cardNo}. The
 * funds recorded the matching {@code FundsDisbursedEvent}s in the same transaction.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record DisbursementApprovedEvent(String disbursementId, String projectId, PayeeKind payeeKind,
                                        String villageCode, String cardNo, long amountFen, List<BudgetLine> fromFunds,
                                        String batchId, String approvedBy) {
}
