package cn.fupin.ledger.shared.competition;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.project.ProjectId;

/** A township submits one of its proposed projects to a competitive round, before the round's deadline. */
public record SubmitProposalCommand(CompetitionId competitionId, ProjectId projectId, Actor actor) {
}
