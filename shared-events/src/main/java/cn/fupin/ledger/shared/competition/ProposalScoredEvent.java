package cn.fupin.ledger.shared.competition;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The reviewer {@code reviewer} scored the proposal {@code projectId}: integer points 0 to 100 per hand-scored
 * criterion, listed in the order of the round's criteria.
 */
@Revision("1")
public record ProposalScoredEvent(String competitionId, String projectId, String reviewer, List<CriterionPoints> points) {
}
