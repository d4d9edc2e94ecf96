package cn.fupin.ledger.shared.project;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A payment of the project changed state: {@code outcome} APPROVED (pending → paid), REJECTED (pending released) or
 * REVERSED (paid → back in the project's budget), for {@code amountFen} fen split over {@code fromFunds}.
 */
@Revision("1")
public record ProjectPaymentSettledEvent(String projectId, String disbursementId, String outcome, long amountFen,
                                         List<BudgetLine> fromFunds) {
}
