package cn.fupin.ledger.shared.project;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A project was cancelled (撤销) by {@code cancelledBy} for {@code reason} while it was {@code previousStatus};
 * {@code released} lists the fen per fund that were reserved and not paid and went back to the funds.
 */
@Revision("1")
public record ProjectCancelledEvent(String projectId, ProjectStatus previousStatus, String reason,
                                    List<BudgetLine> released, String cancelledBy) {
}
