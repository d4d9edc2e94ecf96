package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.common.Actor;

/**
 * Record the acceptance inspection (验收) of a completed project with its {@code result}. What is reserved for the
 * project and was not paid goes back to its funds.
 */
public record AcceptProjectCommand(ProjectId projectId, String result, Actor actor) {
}
