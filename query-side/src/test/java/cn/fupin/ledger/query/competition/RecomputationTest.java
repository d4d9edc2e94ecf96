package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.RankingLineView;
import cn.fupin.ledger.shared.competition.RecomputationView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.query.competition.Rounds.LINGJIANG;
import static cn.fupin.ledger.query.competition.Rounds.ROUND;
import static cn.fupin.ledger.query.competition.Rounds.YUNFENG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recomputing a closed round from its events alone: the round of {@link Rounds}, honest and tampered with. */
class RecomputationTest {

    private static RecomputationView recompute(List<Recomputation.StoredEvent> round) {
        return Recomputation.recompute(ROUND, round, Rounds::townshipEvents);
    }

    private static RecomputationView recompute(List<Recomputation.StoredEvent> round,
                                               Function<String, List<Recomputation.StoredEvent>> townships) {
        return Recomputation.recompute(ROUND, round, townships);
    }

    private static Recomputation.StoredEvent closeWith(List<RankedProposal> ranking) {
        return new Recomputation.StoredEvent(Rounds.closed(Rounds.assessments(), ranking), Rounds.closedAt());
    }

    private static RankedProposal withRank(RankedProposal line, int rank) {
        return new RankedProposal(rank, line.projectId(), line.townshipCode(), line.requestedFen(), line.submittedAt(),
                line.criterionScores(), line.weightedScore(), line.outcome(), line.awardedFen());
    }

    @Test
    void anHonestRoundRecomputesToTheRecordedRanking() {
        RecomputationView view = recompute(Rounds.closedWith(Rounds.honestClose()));

        assertThat(view.mismatches()).isEmpty();
        assertThat(view.matches()).isTrue();
        assertThat(view.ranking()).isEqualTo(view.recorded());
        assertThat(view.ranking()).extracting(RankingLineView::projectId, RankingLineView::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PRJ-P2", RankedProposal.Outcome.AWARDED),
                org.assertj.core.groups.Tuple.tuple("PRJ-P1", RankedProposal.Outcome.DOES_NOT_FIT),
                org.assertj.core.groups.Tuple.tuple("PRJ-P3", RankedProposal.Outcome.AWARDED));
        assertThat(view.competitionId()).isEqualTo(ROUND);
        assertThat(view.eventCount()).isEqualTo(15);
        assertThat(view.assessmentsChecked()).isEqualTo(2);
    }

    @Test
    void theWithdrawnProposalIsNotRankedAndTheConflictedReviewerIsNotCounted() {
        RecomputationView view = recompute(Rounds.closedWith(Rounds.honestClose()));

        assertThat(view.ranking()).extracting(RankingLineView::projectId).doesNotContain("PRJ-P4");
        RankingLineView yunfeng = view.ranking().get(0);
        assertThat(yunfeng.projectId()).isEqualTo("PRJ-P2");
        assertThat(yunfeng.criterionScores().get(1).reviewers()).isEqualTo(1);
        assertThat(yunfeng.criterionScores().get(1).score()).isEqualByComparingTo("95.00");
    }

    @Nested
    class ATamperedRecord {

        @Test
        void swappedRanksAreNamed() {
            List<RankedProposal> ranking = new ArrayList<>(Rounds.honestRanking(Rounds.assessments()));
            RankedProposal first = ranking.get(0);
            RankedProposal second = ranking.get(1);
            ranking.set(0, withRank(second, 1));
            ranking.set(1, withRank(first, 2));

            RecomputationView view = recompute(Rounds.closedWith(closeWith(ranking)));

            assertThat(view.matches()).isFalse();
            assertThat(view.mismatches()).contains("line 1: recorded PRJ-P1, recomputed PRJ-P2",
                    "line 2: recorded PRJ-P2, recomputed PRJ-P1");
            assertThat(view.ranking()).isEqualTo(RankingLineView.of(Rounds.honestRanking(Rounds.assessments())));
            assertThat(view.recorded()).isEqualTo(RankingLineView.of(ranking));
        }

        @Test
        void aRankNumberChangedInPlaceIsNamed() {
            List<RankedProposal> ranking = new ArrayList<>(Rounds.honestRanking(Rounds.assessments()));
            ranking.set(2, withRank(ranking.get(2), 2));

            RecomputationView view = recompute(Rounds.closedWith(closeWith(ranking)));

            assertThat(view.matches()).isFalse();
            assertThat(view.mismatches()).containsExactly("PRJ-P3 rank: recorded 2, recomputed 3");
        }

        @Test
        void aChangedAwardIsNamedWithTheTotalsItBreaks() {
            List<RankedProposal> ranking = new ArrayList<>(Rounds.honestRanking(Rounds.assessments()));
            RankedProposal third = ranking.get(2);
            ranking.set(2, new RankedProposal(third.rank(), third.projectId(), third.townshipCode(), third.requestedFen(),
                    third.submittedAt(), third.criterionScores(), third.weightedScore(), third.outcome(), 200L));

            RecomputationView view = recompute(Rounds.closedWith(closeWith(ranking)));

            assertThat(view.matches()).isFalse();
            assertThat(view.mismatches()).containsExactly("PRJ-P3 awardedFen: recorded 200, recomputed 300",
                    "awardedTotalFen: recorded 700, recomputed 800", "remainingFen: recorded 300, recomputed 200");
        }

        @Test
        void aRankingThatLeftAProposalOutIsNamed() {
            List<RankedProposal> ranking = Rounds.honestRanking(Rounds.assessments()).subList(0, 2);

            RecomputationView view = recompute(Rounds.closedWith(closeWith(ranking)));

            assertThat(view.matches()).isFalse();
            assertThat(view.mismatches()).contains("the recorded ranking has 2 lines, the recomputed one 3",
                    "line 3: recomputed PRJ-P3, missing from the recorded ranking");
        }

        @Test
        void anAssessmentTheTownshipNeverRecordedIsNamed() {
            List<AssessmentUsed> inflated = List.of(new AssessmentUsed(LINGJIANG, 2070, 9900, "苍委办〔2071〕1号"),
                    Rounds.assessments().get(1));
            Recomputation.StoredEvent close = new Recomputation.StoredEvent(
                    Rounds.closed(inflated, Rounds.honestRanking(inflated)), Rounds.closedAt());

            RecomputationView view = recompute(Rounds.closedWith(close));

            assertThat(view.matches()).isFalse();
            assertThat(view.mismatches()).contains("township 510824100: the closing event used the assessment of 2070"
                    + " scoring 9900 hundredths (苍委办〔2071〕1号), the township's events give of 2070 scoring 9000"
                    + " hundredths (苍委办〔2071〕1号)");
            assertThat(view.mismatches()).anyMatch(m -> m.startsWith("PRJ-P1 criterionScores"));
        }
    }

    @Nested
    class WhichAssessmentCounts {

        @Test
        void anAssessmentRecordedAfterTheCloseIsNotUsed() {
            List<Recomputation.StoredEvent> round = Rounds.closedWith(Rounds.honestClose());
            RecomputationView view = recompute(round, township -> {
                List<Recomputation.StoredEvent> events = new ArrayList<>(Rounds.townshipEvents(township));
                if (township.equals(LINGJIANG)) {
                    events.add(Rounds.assessed(LINGJIANG, 2070, 1000, "苍委办〔2071〕9号",
                            Rounds.closedAt().plusNanos(1)));
                }
                return events;
            });

            assertThat(view.mismatches()).isEmpty();
            assertThat(view.matches()).isTrue();
        }

        @Test
        void aTownshipWhoseOnlyAssessmentCameAfterTheCloseScoresZero() {
            List<AssessmentUsed> onlyLingjiang = List.of(Rounds.assessments().get(0));
            Recomputation.StoredEvent close = new Recomputation.StoredEvent(
                    Rounds.closed(onlyLingjiang, Rounds.honestRanking(onlyLingjiang)), Rounds.closedAt());
            Function<String, List<Recomputation.StoredEvent>> late = township -> township.equals(YUNFENG)
                    ? List.of(Rounds.assessed(YUNFENG, 2070, 8000, "苍委办〔2071〕2号", Rounds.closedAt().plusSeconds(1)))
                    : Rounds.townshipEvents(township);

            RecomputationView view = recompute(Rounds.closedWith(close), late);

            assertThat(view.matches()).isTrue();
            assertThat(view.ranking().stream().filter(line -> line.projectId().equals("PRJ-P2")).findFirst().orElseThrow()
                    .criterionScores().get(0).score()).isZero();
        }

        @Test
        void aClosingEventThatUsedALateAssessmentDoesNotMatch() {
            Function<String, List<Recomputation.StoredEvent>> late = township -> township.equals(YUNFENG)
                    ? List.of(Rounds.assessed(YUNFENG, 2070, 8000, "苍委办〔2071〕2号", Rounds.closedAt().plusSeconds(1)))
                    : Rounds.townshipEvents(township);

            RecomputationView view = recompute(Rounds.closedWith(Rounds.honestClose()), late);

            assertThat(view.matches()).isFalse();
            assertThat(view.mismatches()).contains("township 510824102: the closing event used the assessment of 2070"
                    + " scoring 8000 hundredths (苍委办〔2071〕2号), the township's events give none usable");
        }

        @Test
        void onlyTheYearBeforeTheRoundsFiscalYearCounts() {
            Function<String, List<Recomputation.StoredEvent>> otherYears = township -> List.of(
                    Rounds.assessed(township, 2069, 9999, "D1", Rounds.T0.minusSeconds(10)),
                    Rounds.assessed(township, 2071, 9999, "D2", Rounds.T0.minusSeconds(10)));

            RecomputationView view = recompute(Rounds.closedWith(Rounds.honestClose()), otherYears);

            assertThat(view.matches()).isFalse();
            assertThat(view.mismatches()).contains("township 510824100: the closing event used the assessment of 2070"
                    + " scoring 9000 hundredths (苍委办〔2071〕1号), the township's events give none usable");
        }

        @Test
        void aCorrectionRecordedBeforeTheCloseReplacesTheEarlierAssessment() {
            Function<String, List<Recomputation.StoredEvent>> corrected = township -> {
                List<Recomputation.StoredEvent> events = new ArrayList<>(Rounds.townshipEvents(township));
                if (township.equals(YUNFENG)) {
                    events.add(Rounds.assessed(YUNFENG, 2070, 8500, "苍委办〔2071〕5号", Rounds.T0));
                }
                return events;
            };

            RecomputationView view = recompute(Rounds.closedWith(Rounds.honestClose()), corrected);

            assertThat(view.matches()).isFalse();
            assertThat(view.mismatches()).anyMatch(m -> m.startsWith("township 510824102:") && m.contains("8500"));
        }
    }

    @Nested
    class Refusals {

        @Test
        void aRoundNotClosedHasNothingToRecompute() {
            assertThatThrownBy(() -> recompute(Rounds.beforeClose()))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo("COMPETITION_NOT_CLOSED");
                        assertThat(refusal.kind()).isEqualTo(RefusalKind.CONFLICT);
                    });
        }

        @Test
        void aRoundWithoutEventsIsNotFound() {
            assertThatThrownBy(() -> recompute(List.of()))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo("COMPETITION_NOT_FOUND");
                        assertThat(refusal.kind()).isEqualTo(RefusalKind.NOT_FOUND);
                    });
        }
    }
}
