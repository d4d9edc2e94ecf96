package cn.fupin.ledger.shared.project;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A payment of {@code amountFen} fen ({@code fromFunds} per fund) from the project is pending approval. */
@Revision("1")
public record ProjectPaymentRequestedEvent(String projectId, String disbursementId, long amountFen,
                                           List<BudgetLine> fromFunds) {
}
