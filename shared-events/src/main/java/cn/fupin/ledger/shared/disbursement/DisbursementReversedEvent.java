package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The approved payment {@code disbursementId} was reversed by {@code reversedBy} for {@code reason}: its
 * {@code amountFen} fen went back to the project's reservation in each fund as {@code fromFunds} says. A household's
 * start-up grant reversed this way may be granted again.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record DisbursementReversedEvent(String disbursementId, String projectId, PayeeKind payeeKind,
                                        String villageCode, String cardNo, long amountFen, List<BudgetLine> fromFunds,
                                        String reason, String reversedBy) {
}
