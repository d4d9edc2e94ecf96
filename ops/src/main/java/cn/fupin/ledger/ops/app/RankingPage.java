package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionReviewsView;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.CriterionPoints;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.RankingLineView;
import cn.fupin.ledger.shared.competition.RecomputationView;
import cn.fupin.ledger.shared.competition.RecomputeCompetitionQuery;
import cn.fupin.ledger.shared.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A closed round's ranking as a person reads it: the ranking recorded when the round closed (rank, each criterion's
 * score and how many reviewers it counts, the weighted total, awarded or not and how much), the same ranking
 * recomputed from the stored events alone beside it with whether the two agree line by line, and who scored what.
 * A round not closed has no ranking yet, and the page says so rather than showing a provisional one.
 */
@Component
class RankingPage {

    private final RoundFacts facts;
    private final QueryGateway queries;

    RankingPage(RoundFacts facts, QueryGateway queries) {
        this.facts = facts;
        this.queries = queries;
    }

    String show(CompetitionView round, Model model) {
        model.addAttribute("round", RoundPage.summary(round));
        List<Criterion> criteria = round.criteria();
        model.addAttribute("criteria", criteria.stream().map(c -> RoundFacts.criterionName(c.name()) + "（"
                + c.weight() + "%）").toList());
        model.addAttribute("handScored", RoundPage.handScored(round).stream()
                .map(c -> RoundFacts.criterionName(c.name())).toList());
        Map<String, String> names = new HashMap<>();
        round.proposals().forEach(p -> names.put(p.projectId(), p.projectName() == null ? p.projectId()
                : p.projectName()));
        boolean closed = (Boolean) RoundPage.summary(round).get("closed");
        model.addAttribute("ranked", closed);
        if (!closed) {
            return "app/round-ranking";
        }
        model.addAttribute("awarded", Money.yuan(round.awardedTotalFen()));
        model.addAttribute("remaining", Money.yuan(round.remainingFen()));
        model.addAttribute("closedAt", RoundFacts.minute(round.closedAt()));
        model.addAttribute("closedBy", round.closedBy());
        model.addAttribute("ranking", round.ranking().stream().map(line -> line(line, criteria, names)).toList());
        RecomputationView recomputed;
        try {
            recomputed = queries.query(new RecomputeCompetitionQuery(round.competitionId()), RecomputationView.class)
                    .join();
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                throw e;
            }
            model.addAttribute("recomputationRefused", RoundFacts.chinese(refusal.code()));
            recomputed = null;
        }
        model.addAttribute("recomputed", recomputed != null);
        if (recomputed != null) {
            model.addAttribute("matches", recomputed.matches());
            model.addAttribute("eventCount", recomputed.eventCount());
            model.addAttribute("assessmentsChecked", recomputed.assessmentsChecked());
            model.addAttribute("mismatches", recomputed.mismatches());
            model.addAttribute("comparison", comparison(recomputed.recorded(), recomputed.ranking(), names));
        }
        CompetitionReviewsView reviews = facts.reviews(round.competitionId());
        model.addAttribute("scores", scoreRows(round, reviews.scores(), facts));
        model.addAttribute("conflicts", reviews.conflicts().stream().map(c -> Map.of("reviewer", c.reviewer(),
                "township", facts.townshipName(c.townshipCode()))).toList());
        return "app/round-ranking";
    }

    private Map<String, Object> line(RankingLineView line, List<Criterion> criteria, Map<String, String> names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rank", line.rank());
        row.put("projectId", line.projectId());
        row.put("name", names.getOrDefault(line.projectId(), line.projectId()));
        row.put("township", facts.townshipName(line.townshipCode()));
        row.put("requested", Money.yuan(line.requestedFen()));
        List<String> scores = new ArrayList<>();
        for (Criterion criterion : criteria) {
            scores.add(line.criterionScores().stream().filter(s -> s.criterion().equals(criterion.name()))
                    .findFirst().map(s -> s.score().toPlainString() + (criterion.fromAssessment() ? ""
                            : "（" + s.reviewers() + " 人）")).orElse("—"));
        }
        row.put("criterionScores", scores);
        row.put("score", line.score().toPlainString());
        row.put("awarded", line.outcome() == RankedProposal.Outcome.AWARDED);
        row.put("outcome", line.outcome() == RankedProposal.Outcome.AWARDED ? "入选" : "预算不足，未入选");
        row.put("awardedAmount", Money.yuan(line.awardedFen()));
        return row;
    }

    /** The recorded and the recomputed ranking line by line (by project), and whether each line agrees. */
    private static List<Map<String, Object>> comparison(List<RankingLineView> recorded, List<RankingLineView> again,
                                                        Map<String, String> names) {
        Map<String, RankingLineView> byProject = new LinkedHashMap<>();
        again.forEach(line -> byProject.put(line.projectId(), line));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RankingLineView line : recorded) {
            RankingLineView other = byProject.remove(line.projectId());
            rows.add(compared(line.projectId(), line, other, names));
        }
        byProject.forEach((projectId, line) -> rows.add(compared(projectId, null, line, names)));
        return rows;
    }

    private static Map<String, Object> compared(String projectId, RankingLineView recorded, RankingLineView again,
                                                Map<String, String> names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", names.getOrDefault(projectId, projectId));
        row.put("recordedRank", recorded == null ? "—" : Integer.toString(recorded.rank()));
        row.put("recomputedRank", again == null ? "—" : Integer.toString(again.rank()));
        row.put("recordedScore", recorded == null ? "—" : recorded.score().toPlainString());
        row.put("recomputedScore", again == null ? "—" : again.score().toPlainString());
        row.put("recordedAwarded", recorded == null ? "—" : Money.yuan(recorded.awardedFen()));
        row.put("recomputedAwarded", again == null ? "—" : Money.yuan(again.awardedFen()));
        row.put("agrees", recorded != null && again != null && recorded.rank() == again.rank()
                && recorded.weightedScore() == again.weightedScore() && recorded.awardedFen() == again.awardedFen()
                && recorded.outcome() == again.outcome());
        return row;
    }

    /** Scores as rows: the proposal, the reviewer and their points per hand-scored criterion in the round's order. */
    static List<Map<String, Object>> scoreRows(CompetitionView round, List<CompetitionReviewsView.ScoreView> scores,
                                               RoundFacts facts) {
        Map<String, CompetitionView.ProposalView> proposals = new HashMap<>();
        round.proposals().forEach(p -> proposals.put(p.projectId(), p));
        List<Criterion> handScored = RoundPage.handScored(round);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CompetitionReviewsView.ScoreView score : scores) {
            CompetitionView.ProposalView proposal = proposals.get(score.projectId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", proposal == null || proposal.projectName() == null ? score.projectId()
                    : proposal.projectName());
            row.put("township", proposal == null ? "" : facts.townshipName(proposal.townshipCode()));
            row.put("reviewer", score.reviewer());
            List<String> points = new ArrayList<>();
            for (Criterion criterion : handScored) {
                points.add(score.points().stream().filter(p -> p.criterion().equals(criterion.name()))
                        .map(CriterionPoints::points).findFirst().map(String::valueOf).orElse("—"));
            }
            row.put("points", points);
            rows.add(row);
        }
        return rows;
    }
}
