package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A competitive round was opened by {@code openedBy}: proposals for {@code fiscalYear} paid from {@code fundId},
 * at most {@code budgetFen} fen awarded in all, weighted {@code criteria} (weights sum to 100), submissions until
 * {@code deadline}. {@code name} may be {@code null}.
 *
 * <p>Revision 2: its fund ids carry the county's code ({@code FUND-510824-2016-CENTRAL}); {@code FundIdUpcaster}
 * reads revision 1, whose fund ids had none.
 */
@Revision("2")
public record CompetitionOpenedEvent(String competitionId, String name, int fiscalYear, String fundId, long budgetFen,
                                     List<Criterion> criteria, Instant deadline, String openedBy) {
}
