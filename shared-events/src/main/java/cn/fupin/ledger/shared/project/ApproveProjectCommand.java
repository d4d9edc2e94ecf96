package cn.fupin.ledger.shared.project;

import cn.fupin.ledger.shared.common.Actor;

/**
 * Approve (批复) a project on the authority of {@code approvalDocNo}. Approval reserves every budget line from its
 * fund, all or none; the approver must not be the person who proposed the project (four eyes).
 */
public record ApproveProjectCommand(ProjectId projectId, String approvalDocNo, Actor actor) {
}
