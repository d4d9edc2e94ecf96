package cn.fupin.ledger.shared.disbursement;

import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A payment of {@code amountFen} fen from the project {@code projectId} was requested by {@code requestedBy} on the
 * voucher {@code voucherNo}. The payee is the village {@code villageCode} (in {@code townshipCode}) or, for a
 * start-up grant ({@code payeeKind} HOUSEHOLD), the household {@code cardNo} living there. {@code fromFunds} splits
 * the amount over the project's funds (in fen; its budget lines taken in fund-id order), so every fen stays
 * traceable to its source. {@code batchId} names the grant batch it belongs to, or is {@code null}. Nothing is paid
 * until it is approved.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record DisbursementRequestedEvent(String disbursementId, String projectId, PayeeKind payeeKind,
                                         String villageCode, String townshipCode, String cardNo, long amountFen,
                                         List<BudgetLine> fromFunds, String voucherNo, String batchId,
                                         String requestedBy) {
}
