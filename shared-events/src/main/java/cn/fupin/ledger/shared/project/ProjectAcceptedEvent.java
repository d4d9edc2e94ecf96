package cn.fupin.ledger.shared.project;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A completed project passed its acceptance inspection (验收) with {@code result}, recorded by {@code acceptedBy};
 * {@code released} lists the fen per fund that were reserved and not paid and went back to the funds (each fund
 * recorded a matching {@code FundReservationReleasedEvent}).
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record ProjectAcceptedEvent(String projectId, String result, List<BudgetLine> released, String acceptedBy) {
}
