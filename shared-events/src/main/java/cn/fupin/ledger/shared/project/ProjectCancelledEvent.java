package cn.fupin.ledger.shared.project;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A project was cancelled (撤销) by {@code cancelledBy} for {@code reason} while it was {@code previousStatus};
 * {@code released} lists the fen per fund that were reserved and not paid and went back to the funds.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record ProjectCancelledEvent(String projectId, ProjectStatus previousStatus, String reason,
                                    List<BudgetLine> released, String cancelledBy) {
}
