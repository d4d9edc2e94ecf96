package cn.fupin.ledger.shared.competition;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.project.ProjectId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A reviewer scores one proposal: integer points 0 to 100 for every hand-scored criterion of the round. */
public record ScoreProposalCommand(@TargetAggregateIdentifier CompetitionId competitionId, ProjectId projectId,
                                   Map<String, Integer> points, Actor actor) {
}
