package cn.fupin.ledger.shared.competition;

import java.util.List;

/**
 * The reviews of a round in the order they were recorded: every score of a proposal still in the round (the scores of
 * a withdrawn proposal left with it, as the ranking leaves them) and every declared conflict of interest.
 */
public record CompetitionReviewsView(String competitionId, List<ScoreView> scores, List<ConflictView> conflicts) {

    /** One reviewer's points for one proposal, per hand-scored criterion in the round's order. */
    public record ScoreView(String projectId, String reviewer, List<CriterionPoints> points) {
    }

    /** A reviewer's declared conflict of interest with a township (9-digit code). */
    public record ConflictView(String reviewer, String townshipCode) {
    }
}
