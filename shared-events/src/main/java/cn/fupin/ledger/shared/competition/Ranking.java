package cn.fupin.ledger.shared.competition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking rule of a competitive round, as a pure function of the round's facts: the same facts give the same
 * ranking whatever order they arrived in, so an auditor can recompute a recorded ranking from the events alone.
 *
 * <ol>
 *   <li>A hand-scored criterion's score is the mean of the reviewers' points for it, rounded half up to hundredths;
 *       points of a reviewer who declared a conflict with the proposal's township are not counted; with no counted
 *       points the score is 0.</li>
 *   <li>The TOWNSHIP_ASSESSMENT criterion's score is the township's recorded assessment of the year before the
 *       round's fiscal year, or 0 when none was recorded.</li>
 *   <li>The weighted score is the sum of weight times score (exact integers).</li>
 *   <li>Order: higher weighted score first; ties go to the earlier submission, then to the lower project id.</li>
 *   <li>Awards in that order: a proposal is awarded its full request while the budget left covers it; one that does
 *       not fit gets nothing and the next is tried.</li>
 * </ol>
 */
public final class Ranking {

    private Ranking() {
    }

    /** A proposal as submitted: its project, township, requested fen and the instant of submission. */
    public record Proposal(String projectId, String townshipCode, long requestedFen, Instant submittedAt) {
    }

    /** One reviewer's points for one proposal. */
    public record Score(String projectId, String reviewer, List<CriterionPoints> points) {
    }

    /** A reviewer's declared conflict of interest with a township (回避). */
    public record Conflict(String reviewer, String townshipCode) {
    }

    /** A township's assessment score of the year before the round, in hundredths of a point. */
    public record Assessment(String townshipCode, int scoreHundredths) {
    }

    /** Everything the ranking depends on. */
    public record Facts(long budgetFen, List<Criterion> criteria, List<Proposal> proposals, List<Score> scores,
                        List<Conflict> conflicts, List<Assessment> assessments) {
    }

    public static List<RankedProposal> rank(Facts facts) {
        Set<Conflict> conflicts = new HashSet<>(facts.conflicts());
        Map<String, Integer> assessmentByTownship = new HashMap<>();
        for (Assessment assessment : facts.assessments()) {
            assessmentByTownship.put(assessment.townshipCode(), assessment.scoreHundredths());
        }
        Map<String, String> townshipByProject = new HashMap<>();
        facts.proposals().forEach(p -> townshipByProject.put(p.projectId(), p.townshipCode()));

        // Sum and count of counted points per project and criterion.
        Map<String, Map<String, long[]>> totals = new HashMap<>();
        for (Score score : facts.scores()) {
            String township = townshipByProject.get(score.projectId());
            if (township == null || conflicts.contains(new Conflict(score.reviewer(), township))) {
                continue;
            }
            Map<String, long[]> byCriterion = totals.computeIfAbsent(score.projectId(), id -> new HashMap<>());
            for (CriterionPoints points : score.points()) {
                long[] sumAndCount = byCriterion.computeIfAbsent(points.criterion(), c -> new long[2]);
                sumAndCount[0] += points.points();
                sumAndCount[1]++;
            }
        }

        record Scored(Proposal proposal, List<CriterionScore> scores, long weighted) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Proposal proposal : facts.proposals()) {
            List<CriterionScore> scores = new ArrayList<>();
            long weighted = 0;
            for (Criterion criterion : facts.criteria()) {
                CriterionScore score;
                if (criterion.fromAssessment()) {
                    score = new CriterionScore(criterion.name(),
                            assessmentByTownship.getOrDefault(proposal.townshipCode(), 0), 0);
                } else {
                    long[] sumAndCount = totals.getOrDefault(proposal.projectId(), Map.of())
                            .getOrDefault(criterion.name(), new long[2]);
                    score = new CriterionScore(criterion.name(), meanHundredths(sumAndCount[0], sumAndCount[1]),
                            Math.toIntExact(sumAndCount[1]));
                }
                scores.add(score);
                weighted = Math.addExact(weighted, Math.multiplyExact((long) criterion.weight(), score.scoreHundredths()));
            }
            scored.add(new Scored(proposal, List.copyOf(scores), weighted));
        }
        scored.sort(Comparator.comparingLong(Scored::weighted).reversed()
                .thenComparing(s -> s.proposal().submittedAt())
                .thenComparing(s -> s.proposal().projectId()));

        List<RankedProposal> ranking = new ArrayList<>();
        long left = facts.budgetFen();
        int rank = 0;
        for (Scored s : scored) {
            rank++;
            Proposal p = s.proposal();
            boolean fits = p.requestedFen() <= left;
            if (fits) {
                left -= p.requestedFen();
            }
            ranking.add(new RankedProposal(rank, p.projectId(), p.townshipCode(), p.requestedFen(), p.submittedAt(),
                    s.scores(), s.weighted(),
                    fits ? RankedProposal.Outcome.AWARDED : RankedProposal.Outcome.DOES_NOT_FIT,
                    fits ? p.requestedFen() : 0));
        }
        return List.copyOf(ranking);
    }

    /** The mean of {@code count} integer points summing to {@code sum}, in hundredths, rounded half up. */
    static int meanHundredths(long sum, long count) {
        if (count == 0) {
            return 0;
        }
        return Math.toIntExact((2 * sum * 100 + count) / (2 * count));
    }
}
