package cn.fupin.ledger.shared.competition;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.place.TownshipCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A reviewer declares a conflict of interest (回避) with a township: from then on they may not score its proposals,
 * and any points they gave them already are not counted.
 */
public record DeclareConflictOfInterestCommand(@TargetAggregateIdentifier CompetitionId competitionId,
                                               TownshipCode township, Actor actor) {
}
