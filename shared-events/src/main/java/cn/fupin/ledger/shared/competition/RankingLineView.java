package cn.fupin.ledger.shared.competition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One line of a ranking as the HTTP answers show it: {@code score} is the weighted score out of 100 with four
 * decimals (exactly {@code weightedScore} ten-thousandths), each criterion's score with two decimals. Built from the
 * recorded {@link RankedProposal} only, never recomputed.
 */
public record RankingLineView(
        int rank,
        String projectId,
        String townshipCode,
        long requestedFen,
        Instant submittedAt,
        BigDecimal score,
        long weightedScore,
        List<CriterionScoreView> criterionScores,
        RankedProposal.Outcome outcome,
        long awardedFen) {

    /** A criterion's score out of 100 with two decimals and the number of reviewers counted. */
    public record CriterionScoreView(String criterion, BigDecimal score, int reviewers) {
    }

    public static RankingLineView of(RankedProposal line) {
        return new RankingLineView(line.rank(), line.projectId(), line.townshipCode(), line.requestedFen(),
                line.submittedAt(), BigDecimal.valueOf(line.weightedScore(), 4), line.weightedScore(),
                line.criterionScores().stream()
                        .map(c -> new CriterionScoreView(c.criterion(), BigDecimal.valueOf(c.scoreHundredths(), 2),
                                c.reviewers()))
                        .toList(),
                line.outcome(), line.awardedFen());
    }

    public static List<RankingLineView> of(List<RankedProposal> ranking) {
        return ranking.stream().map(RankingLineView::of).toList();
    }
}
