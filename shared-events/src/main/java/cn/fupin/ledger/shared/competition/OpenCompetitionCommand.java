package cn.fupin.ledger.shared.competition;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.fund.FundId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a competitive round (竞争立项) for {@code fiscalYear}: townships may submit proposals paid from {@code fundId}
 * until {@code deadline}; reviewers score them on the weighted {@code criteria}; closing awards at most
 * {@code budgetFen} fen. {@code name} is optional.
 */
public record OpenCompetitionCommand(
        @TargetAggregateIdentifier CompetitionId competitionId,
        String name,
        int fiscalYear,
        FundId fundId,
        long budgetFen,
        List<Criterion> criteria,
        Instant deadline,
        Actor actor) {
}
