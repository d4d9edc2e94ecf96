package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    private static final Instant NINE = Instant.parse("2016-03-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2016-03-01T10:00:00Z");
    private static final List<Criterion> CRITERIA = List.of(
            new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 60), new Criterion("BENEFIT", 40));

    private static Ranking.Proposal proposal(String id, String township, long fen, Instant at) {
        return new Ranking.Proposal(id, township, fen, at);
    }

    private static Ranking.Score score(String id, String reviewer, int points) {
        return new Ranking.Score(id, reviewer, List.of(new CriterionPoints("BENEFIT", points)));
    }

    @Test
    void weightsTheAssessmentAndTheReviewersMeanExactly() {
        List<RankedProposal> ranking = Ranking.rank(new Ranking.Facts(1_000, CRITERIA,
                List.of(proposal("PRJ-A", "510824100", 500, NINE)),
                List.of(score("PRJ-A", "r1", 80), score("PRJ-A", "r2", 91)),
                List.of(), List.of(new Ranking.Assessment("510824100", 9250))));

        RankedProposal line = ranking.get(0);
        // mean of 80 and 91 is 85.5 → 8550 hundredths; 60 × 9250 + 40 × 8550 = 555000 + 342000
        assertThat(line.criterionScores()).containsExactly(
                new CriterionScore(Criterion.TOWNSHIP_ASSESSMENT, 9250, 0), new CriterionScore("BENEFIT", 8550, 2));
        assertThat(line.weightedScore()).isEqualTo(897_000);
        assertThat(line.outcome()).isEqualTo(RankedProposal.Outcome.AWARDED);
        assertThat(line.awardedFen()).isEqualTo(500);
    }

    @Test
    void roundsTheMeanHalfUpToHundredths() {
        assertThat(Ranking.meanHundredths(200, 3)).isEqualTo(6667); // 66.666…
        assertThat(Ranking.meanHundredths(1, 8)).isEqualTo(13);     // 0.125 → 0.13
        assertThat(Ranking.meanHundredths(0, 0)).isZero();
    }

    @Test
    void aTownshipWithoutAnAssessmentScoresZeroOnThatCriterion() {
        List<RankedProposal> ranking = Ranking.rank(new Ranking.Facts(1_000, CRITERIA,
                List.of(proposal("PRJ-A", "510824100", 500, NINE)), List.of(score("PRJ-A", "r1", 100)),
                List.of(), List.of()));

        assertThat(ranking.get(0).weightedScore()).isEqualTo(40 * 10_000);
    }

    @Test
    void pointsOfAReviewerWithADeclaredConflictAreNotCounted() {
        List<RankedProposal> ranking = Ranking.rank(new Ranking.Facts(1_000, CRITERIA,
                List.of(proposal("PRJ-A", "510824100", 500, NINE)),
                List.of(score("PRJ-A", "r1", 100), score("PRJ-A", "r2", 50)),
                List.of(new Ranking.Conflict("r1", "510824100")), List.of()));

        assertThat(ranking.get(0).criterionScores().get(1)).isEqualTo(new CriterionScore("BENEFIT", 5000, 1));
    }

    @Nested
    class Ties {

        @Test
        void anEqualScoreGoesToTheEarlierSubmission() {
            List<RankedProposal> ranking = Ranking.rank(new Ranking.Facts(1_000, CRITERIA,
                    List.of(proposal("PRJ-A", "510824100", 100, TEN), proposal("PRJ-B", "510824100", 100, NINE)),
                    List.of(), List.of(), List.of()));

            assertThat(ranking).extracting(RankedProposal::projectId).containsExactly("PRJ-B", "PRJ-A");
            assertThat(ranking).extracting(RankedProposal::rank).containsExactly(1, 2);
        }

        @Test
        void anEqualScoreAndSubmissionGoesToTheLowerProjectId() {
            List<RankedProposal> ranking = Ranking.rank(new Ranking.Facts(1_000, CRITERIA,
                    List.of(proposal("PRJ-B", "510824100", 100, NINE), proposal("PRJ-A", "510824100", 100, NINE)),
                    List.of(), List.of(), List.of()));

            assertThat(ranking).extracting(RankedProposal::projectId).containsExactly("PRJ-A", "PRJ-B");
        }
    }

    @Test
    void aProposalThatDoesNotFitIsSkippedAndTheNextIsTried() {
        List<RankedProposal> ranking = Ranking.rank(new Ranking.Facts(1_000, CRITERIA,
                List.of(proposal("PRJ-A", "510824100", 600, NINE), proposal("PRJ-B", "510824100", 500, NINE),
                        proposal("PRJ-C", "510824100", 400, NINE)),
                List.of(score("PRJ-A", "r1", 90), score("PRJ-B", "r1", 80), score("PRJ-C", "r1", 70)),
                List.of(), List.of()));

        assertThat(ranking).extracting(RankedProposal::projectId, RankedProposal::outcome, RankedProposal::awardedFen)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PRJ-A", RankedProposal.Outcome.AWARDED, 600L),
                        org.assertj.core.groups.Tuple.tuple("PRJ-B", RankedProposal.Outcome.DOES_NOT_FIT, 0L),
                        org.assertj.core.groups.Tuple.tuple("PRJ-C", RankedProposal.Outcome.AWARDED, 400L));
    }
}
