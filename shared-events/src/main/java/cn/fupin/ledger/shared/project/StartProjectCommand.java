package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an approved project has started on site (开工): it is being implemented from now on. */
public record StartProjectCommand(@TargetAggregateIdentifier ProjectId projectId, Actor actor) {
}
