package cn.fupin.ledger.shared.project;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A project was approved by {@code approvedBy} on the authority of {@code approvalDocNo}; {@code reserved} lists
 * the fen reserved from each fund for it (its budget lines), and each fund recorded the matching
 * {@code FundsReservedEvent} in the same transaction.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record ProjectApprovedEvent(String projectId, String approvalDocNo, List<BudgetLine> reserved, String approvedBy) {
}
