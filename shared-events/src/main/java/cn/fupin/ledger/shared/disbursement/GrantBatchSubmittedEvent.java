package cn.fupin.ledger.shared.disbursement;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A batch of start-up grants was requested by {@code requestedBy} from the project {@code projectId} on the voucher
 * {@code voucherNo}: {@code disbursementIds} are its items, in order, each a requested disbursement of its own;
 * {@code totalFen} is their sum in fen.
 */
@Revision("1")
public record GrantBatchSubmittedEvent(String batchId, String projectId, String voucherNo, List<String> disbursementIds,
                                       long totalFen, String requestedBy) {
}
