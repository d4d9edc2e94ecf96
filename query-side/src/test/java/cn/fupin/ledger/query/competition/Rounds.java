package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.CriterionPoints;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One competitive round of fixed facts for tests: fiscal year 2071, a budget of 1,000 fen, criteria TOWNSHIP_ASSESSMENT
 * (40) and FEASIBILITY (60); proposals P1 (陵江镇, 600 fen), P2 (云峰镇, 500 fen), P3 (陵江镇, 300 fen) and P4
 * (withdrawn); two reviewers, the second with a declared conflict with 云峰镇; 2070 assessments 陵江镇 90.00 and
 * 云峰镇 80.00. Its honest closing event is computed with the ranking rule from exactly these facts.
 */
final class Rounds {

    static final String ROUND = "CMP-T-1";
    static final String LINGJIANG = "510824100";
    static final String YUNFENG = "510824102";
    static final Instant T0 = Instant.parse("2071-02-01T00:00:00Z");
    static final Instant DEADLINE = T0.plusSeconds(86_400);
    static final long BUDGET_FEN = 1_000L;
    static final List<Criterion> CRITERIA = List.of(new Criterion(Criterion.TOWNSHIP_ASSESSMENT, 40),
            new Criterion("FEASIBILITY", 60));

    private Rounds() {
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static CompetitionOpenedEvent opened() {
        return new CompetitionOpenedEvent(ROUND, "2071 年村级道路竞争立项", 2071, "FUND-510824-2071-CENTRAL", BUDGET_FEN, CRITERIA,
                DEADLINE, "clerk");
    }

    static ProposalSubmittedEvent submitted(String projectId, String township, long requestedFen, int minute) {
        return new ProposalSubmittedEvent(ROUND, projectId, township, township + "001", requestedFen, at(minute),
                "township");
    }

    static ProposalScoredEvent scored(String projectId, String reviewer, int points) {
        return new ProposalScoredEvent(ROUND, projectId, reviewer, List.of(new CriterionPoints("FEASIBILITY", points)));
    }

    /** The round's events before its close, each recorded a minute after the one before. */
    static List<Recomputation.StoredEvent> beforeClose() {
        List<Object> payloads = List.of(
                opened(),
                submitted("PRJ-P1", LINGJIANG, 600L, 1),
                submitted("PRJ-P2", YUNFENG, 500L, 2),
                submitted("PRJ-P3", LINGJIANG, 300L, 3),
                submitted("PRJ-P4", YUNFENG, 100L, 4),
                new ProposalWithdrawnEvent(ROUND, "PRJ-P4", "项目撤销"),
                new ConflictOfInterestDeclaredEvent(ROUND, "reviewer2", YUNFENG),
                scored("PRJ-P1", "reviewer1", 70),
                scored("PRJ-P1", "reviewer2", 81),
                scored("PRJ-P2", "reviewer1", 95),
                scored("PRJ-P2", "reviewer2", 10),
                scored("PRJ-P3", "reviewer1", 60),
                scored("PRJ-P3", "reviewer2", 60),
                scored("PRJ-P4", "reviewer1", 100));
        List<Recomputation.StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new Recomputation.StoredEvent(payloads.get(i), at(i)));
        }
        return events;
    }

    /** The facts above, with the given assessments, as the ranking rule takes them. */
    static List<RankedProposal> honestRanking(List<AssessmentUsed> assessments) {
        return Ranking.rank(new Ranking.Facts(BUDGET_FEN, CRITERIA,
                List.of(new Ranking.Proposal("PRJ-P1", LINGJIANG, 600L, at(1)),
                        new Ranking.Proposal("PRJ-P2", YUNFENG, 500L, at(2)),
                        new Ranking.Proposal("PRJ-P3", LINGJIANG, 300L, at(3))),
                List.of(new Ranking.Score("PRJ-P1", "reviewer1", scored("PRJ-P1", "", 70).points()),
                        new Ranking.Score("PRJ-P1", "reviewer2", scored("PRJ-P1", "", 81).points()),
                        new Ranking.Score("PRJ-P2", "reviewer1", scored("PRJ-P2", "", 95).points()),
                        new Ranking.Score("PRJ-P2", "reviewer2", scored("PRJ-P2", "", 10).points()),
                        new Ranking.Score("PRJ-P3", "reviewer1", scored("PRJ-P3", "", 60).points()),
                        new Ranking.Score("PRJ-P3", "reviewer2", scored("PRJ-P3", "", 60).points())),
                List.of(new Ranking.Conflict("reviewer2", YUNFENG)),
                assessments.stream().map(a -> new Ranking.Assessment(a.townshipCode(), a.scoreHundredths())).toList()));
    }

    static List<AssessmentUsed> assessments() {
        return List.of(new AssessmentUsed(LINGJIANG, 2070, 9000, "苍委办〔2071〕1号"),
                new AssessmentUsed(YUNFENG, 2070, 8000, "苍委办〔2071〕2号"));
    }

    static CompetitionClosedEvent closed(List<AssessmentUsed> assessments, List<RankedProposal> ranking) {
        long awarded = ranking.stream().mapToLong(RankedProposal::awardedFen).sum();
        return new CompetitionClosedEvent(ROUND, DEADLINE.plusSeconds(3_600), assessments, ranking, awarded,
                BUDGET_FEN - awarded, "approver");
    }

    /** The honest closing event, recorded an hour after the deadline. */
    static Recomputation.StoredEvent honestClose() {
        return new Recomputation.StoredEvent(closed(assessments(), honestRanking(assessments())), closedAt());
    }

    static Instant closedAt() {
        return DEADLINE.plusSeconds(3_600);
    }

    static List<Recomputation.StoredEvent> closedWith(Recomputation.StoredEvent close) {
        List<Recomputation.StoredEvent> events = new ArrayList<>(beforeClose());
        events.add(close);
        return events;
    }

    /** The townships' own records of their 2070 assessments, made a month before the round. */
    static List<Recomputation.StoredEvent> townshipEvents(String township) {
        return switch (township) {
            case LINGJIANG -> List.of(assessed(LINGJIANG, 2069, 5000, "苍委办〔2070〕1号", T0.minusSeconds(40_000_000)),
                    assessed(LINGJIANG, 2070, 9000, "苍委办〔2071〕1号", T0.minusSeconds(2_600_000)));
            case YUNFENG -> List.of(assessed(YUNFENG, 2070, 8000, "苍委办〔2071〕2号", T0.minusSeconds(2_600_000)));
            default -> List.of();
        };
    }

    static Recomputation.StoredEvent assessed(String township, int year, int scoreHundredths, String documentNo,
                                              Instant recordedAt) {
        return new Recomputation.StoredEvent(new TownshipAssessedEvent(township, year, scoreHundredths, documentNo,
                "clerk"), recordedAt);
    }
}
