package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The round was closed by {@code closedBy} at {@code closedAt} (the ledger's clock). {@code ranking} is the whole
 * ranking with every criterion score, weighted score, outcome and award; {@code assessments} are the township
 * assessments it used (a township without one scored 0 on that criterion). {@code awardedTotalFen} and
 * {@code remainingFen} are in fen and sum to the round's budget. The projects were selected or rejected in the same
 * transaction.
 */
@Revision("1")
public record CompetitionClosedEvent(String competitionId, Instant closedAt, List<AssessmentUsed> assessments,
                                     List<RankedProposal> ranking, long awardedTotalFen, long remainingFen,
                                     String closedBy) {
}
