package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.Reasoned;

/**
 * Cancel (撤销) a project that is not yet completed, with a reason. What is reserved and not paid goes back to the
 * funds; a proposal in an open competitive round is withdrawn from it.
 */
public record CancelProjectCommand(ProjectId projectId, String reason, Actor actor) implements Reasoned {
}
