package cn.fupin.ledger.shared.project;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A payment of the project changed state: {@code outcome} APPROVED (pending → paid), REJECTED (pending released) or
 * REVERSED (paid → back in the project's budget), for {@code amountFen} fen split over {@code fromFunds}.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record ProjectPaymentSettledEvent(String projectId, String disbursementId, String outcome, long amountFen,
                                         List<BudgetLine> fromFunds) {
}
