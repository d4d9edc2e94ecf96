package cn.fupin.ledger.shared.competition;

import cn.fupin.ledger.shared.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a round after its deadline: rank the proposals, award within the budget, select and reject projects. */
public record CloseCompetitionCommand(@TargetAggregateIdentifier CompetitionId competitionId, Actor actor) {
}
