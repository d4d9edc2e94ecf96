package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import java.util.List;

/**
 * One line of a round's ranking. {@code weightedScore} is the sum over the criteria of weight times the criterion's
 * score in hundredths, so it is the weighted score out of 100 in ten-thousandths of a point (1,000,000 is 100.0000):
 * an exact integer, never rounded again. {@code awardedFen} is the proposal's full request when it was awarded and 0
 * when it did not fit.
 */
public record RankedProposal(
        int rank,
        String projectId,
        String townshipCode,
        long requestedFen,
        Instant submittedAt,
        List<CriterionScore> criterionScores,
        long weightedScore,
        Outcome outcome,
        long awardedFen) {

    /** Whether the proposal got money. */
    public enum Outcome {
        /** Awarded its full request from the round's budget. */
        AWARDED,
        /** The budget left when its turn came did not cover its full request; the next was tried. */
        DOES_NOT_FIT
    }
}
