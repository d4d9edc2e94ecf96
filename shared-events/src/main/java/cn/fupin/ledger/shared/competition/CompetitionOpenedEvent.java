package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A competitive round was opened by {@code openedBy}: proposals for {@code fiscalYear} paid from {@code fundId},
 * at most {@code budgetFen} fen awarded in all, weighted {@code criteria} (weights sum to 100), submissions until
 * {@code deadline}. {@code name} may be {@code null}.
 */
@Revision("1")
public record CompetitionOpenedEvent(String competitionId, String name, int fiscalYear, String fundId, long budgetFen,
                                     List<Criterion> criteria, Instant deadline, String openedBy) {
}
