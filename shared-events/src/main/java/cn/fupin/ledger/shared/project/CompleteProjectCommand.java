package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the works of a project being implemented are finished (完工), with an optional note. */
public record CompleteProjectCommand(@TargetAggregateIdentifier ProjectId projectId, String note, Actor actor) {
}
