package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties the issue demands of the ranking rule, over random rounds. */
class RankingPropertiesTest {

    private static final List<Criterion> CRITERIA = List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 50),
            new Criterion("BENEFIT", 30), new Criterion("FEASIBILITY", 20));
    private static final List<String> TOWNSHIPS = List.of("510824100", "510824101", "510824102");
    private static final List<String> REVIEWERS = List.of("r1", "r2", "r3");
    private static final Instant START = Instant.parse("2016-03-01T00:00:00Z");

    @Provide
    Arbitrary<Ranking.Facts> rounds() {
        Arbitrary<Ranking.Proposal> proposal = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(1, 5_000),
                Arbitraries.integers().between(0, 5)).as((t, fen, minutes) ->
                new Ranking.Proposal(null, TOWNSHIPS.get(t), fen, START.plusSeconds(60L * minutes)));
        return Combinators.combine(
                Arbitraries.longs().between(0, 12_000),
                proposal.list().ofMinSize(0).ofMaxSize(12),
                Arbitraries.integers().between(0, 100).list().ofSize(2).list().ofMaxSize(30),
                Arbitraries.integers().between(0, 10_000).list().ofSize(3),
                Arbitraries.integers().between(0, 9).list().ofMaxSize(3),
                Arbitraries.longs()).as((budget, drafts, pointPairs, assessments, conflictIndexes, seed) -> {
            List<Ranking.Proposal> proposals = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                Ranking.Proposal d = drafts.get(i);
                proposals.add(new Ranking.Proposal("PRJ-%03d".formatted(i), d.townshipCode(), d.requestedFen(), d.submittedAt()));
            }
            List<Ranking.Score> scores = new ArrayList<>();
            Random random = new Random(seed);
            java.util.Set<String> scored = new java.util.HashSet<>();
            for (List<Integer> pair : pointPairs) {
                if (proposals.isEmpty()) {
                    break;
                }
                String project = proposals.get(random.nextInt(proposals.size())).projectId();
                String reviewer = REVIEWERS.get(random.nextInt(REVIEWERS.size()));
                if (scored.add(reviewer + project)) {
                    scores.add(new Ranking.Score(project, reviewer, List.of(new CriterionPoints("BENEFIT", pair.get(0)),
                            new CriterionPoints("FEASIBILITY", pair.get(1)))));
                }
            }
            List<Ranking.Conflict> conflicts = conflictIndexes.stream()
                    .map(i -> new Ranking.Conflict(REVIEWERS.get(i % 3), TOWNSHIPS.get(i / 3 % 3))).distinct().toList();
            List<Ranking.Assessment> assessed = new ArrayList<>();
            for (int i = 0; i < TOWNSHIPS.size(); i++) {
                assessed.add(new Ranking.Assessment(TOWNSHIPS.get(i), assessments.get(i)));
            }
            return new Ranking.Facts(budget, CRITERIA, proposals, scores, conflicts, assessed);
        });
    }

    @Property
    void awardsNeverExceedTheBudget(@ForAll("rounds") Ranking.Facts round) {
        long awarded = Ranking.rank(round).stream().mapToLong(RankedProposal::awardedFen).sum();

        assertThat(awarded).isLessThanOrEqualTo(round.budgetFen());
    }

    @Property
    void theRankingDoesNotDependOnTheOrderInWhichFactsArrived(@ForAll("rounds") Ranking.Facts round,
                                                              @ForAll long seed) {
        Random random = new Random(seed);
        Ranking.Facts shuffled = new Ranking.Facts(round.budgetFen(), round.criteria(),
                shuffle(round.proposals(), random), shuffle(round.scores(), random),
                shuffle(round.conflicts(), random), shuffle(round.assessments(), random));

        assertThat(Ranking.rank(shuffled)).isEqualTo(Ranking.rank(round));
    }

    @Property
    void everyAwardedProposalOutranksEverySkippedOneThatWouldHaveFit(@ForAll("rounds") Ranking.Facts round) {
        List<RankedProposal> ranking = Ranking.rank(round);
        long awarded = ranking.stream().mapToLong(RankedProposal::awardedFen).sum();
        long left = round.budgetFen() - awarded;

        for (RankedProposal skipped : ranking) {
            if (skipped.outcome() != RankedProposal.Outcome.DOES_NOT_FIT) {
                continue;
            }
            // What was left when its turn came: the budget minus everything awarded above it.
            long leftAtItsTurn = round.budgetFen() - ranking.stream()
                    .filter(other -> other.rank() < skipped.rank()).mapToLong(RankedProposal::awardedFen).sum();
            assertThat(skipped.requestedFen()).isGreaterThan(leftAtItsTurn);
            // So it would not fit in what is left at the end either, and every awarded proposal that it would have
            // fitted in place of ranks above it.
            assertThat(skipped.requestedFen()).isGreaterThan(left);
            ranking.stream()
                    .filter(a -> a.outcome() == RankedProposal.Outcome.AWARDED)
                    .filter(a -> skipped.requestedFen() <= left + a.awardedFen())
                    .forEach(a -> assertThat(a.rank()).isLessThan(skipped.rank()));
        }
    }

    @Property
    void ranksAreOneToNInScoreOrder(@ForAll("rounds") Ranking.Facts round) {
        List<RankedProposal> ranking = Ranking.rank(round);

        for (int i = 0; i < ranking.size(); i++) {
            assertThat(ranking.get(i).rank()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(ranking.get(i).weightedScore()).isLessThanOrEqualTo(ranking.get(i - 1).weightedScore());
            }
        }
        assertThat(ranking).hasSameSizeAs(round.proposals());
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
