package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import java.util.List;

/**
 * A competitive round as the query side knows it. {@code status} is CLOSED once closed; otherwise OPEN until the
 * deadline and SUBMISSIONS_CLOSED after it (judged by the ledger's clock when asked). {@code ranking} is empty until
 * the round closes and then is exactly the ranking recorded in the closing event.
 */
public record CompetitionView(
        String competitionId,
        String name,
        int fiscalYear,
        String fundId,
        long budgetFen,
        List<Criterion> criteria,
        Instant deadline,
        CompetitionStatus status,
        String openedBy,
        List<ProposalView> proposals,
        List<RankingLineView> ranking,
        long awardedTotalFen,
        long remainingFen,
        String closedBy,
        Instant closedAt) {

    /** A submitted proposal, with how many reviewers have scored it so far. */
    public record ProposalView(String projectId, String projectName, String townshipCode, String villageCode,
                               long requestedFen, Instant submittedAt, String submittedBy, int reviewerCount,
                               boolean withdrawn) {
    }
}
