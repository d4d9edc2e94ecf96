package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.competition.RankingLineView;

import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.Criterion;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.Ranking;
import cn.fupin.ledger.shared.competition.RecomputationView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Recomputes a closed round's ranking from stored events alone, without any read model, and names every difference
 * from what the closing event recorded. Pure: it is handed the round's event stream and a way to read a township's,
 * so it runs without Spring or a database.
 *
 * <p>The facts are those the round held when it closed: its opening (budget, criteria, fiscal year), the proposals
 * submitted and not withdrawn, every reviewer's scores, every declared conflict of interest, and — when a criterion
 * is {@link Criterion#TOWNSHIP_ASSESSMENT} — for each township among the proposals the last assessment of the year
 * before the round's fiscal year that the township's own events recorded no later than the closing event. An
 * assessment recorded after the close could not have been used and is ignored.
 */
final class Recomputation {

    /** One stored event: its payload and the instant it was recorded (the event message's timestamp). */
    record StoredEvent(Object payload, Instant recordedAt) {
    }

    private Recomputation() {
    }

    /**
     * @param round          the round's events, in their order
     * @param townshipEvents the events of the township aggregate with the given 9-digit code, in their order
     * @throws Refusal {@code COMPETITION_NOT_FOUND} when the stream holds no opening, {@code COMPETITION_NOT_CLOSED}
     *                 when it holds no closing event
     */
    static RecomputationView recompute(String competitionId, List<StoredEvent> round,
                                       Function<String, List<StoredEvent>> townshipEvents) {
        CompetitionOpenedEvent opened = null;
        CompetitionClosedEvent closed = null;
        Instant closedRecordedAt = null;
        Map<String, Ranking.Proposal> proposals = new LinkedHashMap<>();
        List<Ranking.Score> scores = new ArrayList<>();
        List<Ranking.Conflict> conflicts = new ArrayList<>();
        for (StoredEvent event : round) {
            Object payload = event.payload();
            if (payload instanceof CompetitionOpenedEvent e) {
                opened = e;
            } else if (payload instanceof ProposalSubmittedEvent e) {
                proposals.put(e.projectId(), new Ranking.Proposal(e.projectId(), e.townshipCode(), e.requestedFen(),
                        e.submittedAt()));
            } else if (payload instanceof ProposalWithdrawnEvent e) {
                proposals.remove(e.projectId());
            } else if (payload instanceof ProposalScoredEvent e) {
                scores.add(new Ranking.Score(e.projectId(), e.reviewer(), e.points()));
            } else if (payload instanceof ConflictOfInterestDeclaredEvent e) {
                conflicts.add(new Ranking.Conflict(e.reviewer(), e.townshipCode()));
            } else if (payload instanceof CompetitionClosedEvent e) {
                closed = e;
                closedRecordedAt = event.recordedAt();
                // What the round held when it closed is what the ranking was computed from.
                break;
            }
        }
        if (opened == null) {
            throw Refusal.notFound("COMPETITION_NOT_FOUND", "no competitive round has this id");
        }
        if (closed == null) {
            throw Refusal.conflict("COMPETITION_NOT_CLOSED", "the round is not closed, so it has no ranking to recompute");
        }

        Map<String, AssessmentUsed> assessments = assessments(opened, proposals.values(), closedRecordedAt,
                townshipEvents);
        List<RankedProposal> ranking = Ranking.rank(new Ranking.Facts(opened.budgetFen(), opened.criteria(),
                List.copyOf(proposals.values()), scores, conflicts,
                assessments.values().stream()
                        .map(a -> new Ranking.Assessment(a.townshipCode(), a.scoreHundredths()))
                        .toList()));

        List<String> mismatches = new ArrayList<>();
        compareRankings(closed.ranking(), ranking, mismatches);
        compareTotals(opened.budgetFen(), closed, ranking, mismatches);
        int assessmentsChecked = compareAssessments(closed.assessments(), assessments, mismatches);
        return new RecomputationView(competitionId, mismatches.isEmpty(), RankingLineView.of(ranking),
                RankingLineView.of(closed.ranking()), round.size(),
                assessmentsChecked, List.copyOf(mismatches));
    }

    /** By township code: the assessment each township's own events give for the round, none when not used. */
    private static Map<String, AssessmentUsed> assessments(CompetitionOpenedEvent opened,
                                                           Iterable<Ranking.Proposal> proposals, Instant closedAt,
                                                           Function<String, List<StoredEvent>> townshipEvents) {
        Map<String, AssessmentUsed> found = new TreeMap<>();
        if (opened.criteria().stream().noneMatch(Criterion::fromAssessment)) {
            return found;
        }
        int year = opened.fiscalYear() - 1;
        SortedSet<String> townships = new TreeSet<>();
        proposals.forEach(p -> townships.add(p.townshipCode()));
        for (String township : townships) {
            for (StoredEvent event : townshipEvents.apply(township)) {
                if (event.payload() instanceof TownshipAssessedEvent e && e.townshipCode().equals(township)
                        && e.year() == year && !event.recordedAt().isAfter(closedAt)) {
                    // The last one recorded before the close wins: a later record of the same year corrects an earlier.
                    found.put(township, new AssessmentUsed(township, e.year(), e.scoreHundredths(), e.documentNo()));
                }
            }
        }
        return found;
    }

    private static void compareRankings(List<RankedProposal> recorded, List<RankedProposal> recomputed,
                                        List<String> mismatches) {
        if (recorded.size() != recomputed.size()) {
            mismatches.add("the recorded ranking has %d lines, the recomputed one %d"
                    .formatted(recorded.size(), recomputed.size()));
        }
        for (int i = 0; i < Math.max(recorded.size(), recomputed.size()); i++) {
            int place = i + 1;
            RankedProposal was = i < recorded.size() ? recorded.get(i) : null;
            RankedProposal is = i < recomputed.size() ? recomputed.get(i) : null;
            if (was == null) {
                mismatches.add("line %d: recomputed %s, missing from the recorded ranking".formatted(place, is.projectId()));
            } else if (is == null) {
                mismatches.add("line %d: recorded %s, missing from the recomputed ranking".formatted(place, was.projectId()));
            } else if (!was.projectId().equals(is.projectId())) {
                mismatches.add("line %d: recorded %s, recomputed %s".formatted(place, was.projectId(), is.projectId()));
            } else {
                String project = was.projectId();
                field(mismatches, project, "rank", was.rank(), is.rank());
                field(mismatches, project, "townshipCode", was.townshipCode(), is.townshipCode());
                field(mismatches, project, "requestedFen", was.requestedFen(), is.requestedFen());
                field(mismatches, project, "submittedAt", was.submittedAt(), is.submittedAt());
                field(mismatches, project, "criterionScores", was.criterionScores(), is.criterionScores());
                field(mismatches, project, "weightedScore", was.weightedScore(), is.weightedScore());
                field(mismatches, project, "outcome", was.outcome(), is.outcome());
                field(mismatches, project, "awardedFen", was.awardedFen(), is.awardedFen());
            }
        }
    }

    private static void compareTotals(long budgetFen, CompetitionClosedEvent closed, List<RankedProposal> ranking,
                                      List<String> mismatches) {
        long awardedFen = 0;
        for (RankedProposal line : ranking) {
            awardedFen = Math.addExact(awardedFen, line.awardedFen());
        }
        if (closed.awardedTotalFen() != awardedFen) {
            mismatches.add("awardedTotalFen: recorded %d, recomputed %d".formatted(closed.awardedTotalFen(), awardedFen));
        }
        if (closed.remainingFen() != budgetFen - awardedFen) {
            mismatches.add("remainingFen: recorded %d, recomputed %d".formatted(closed.remainingFen(), budgetFen - awardedFen));
        }
    }

    /** Compares by township; returns how many townships' assessments were compared. */
    private static int compareAssessments(List<AssessmentUsed> recorded, Map<String, AssessmentUsed> fromTownships,
                                          List<String> mismatches) {
        Map<String, AssessmentUsed> used = new TreeMap<>();
        for (AssessmentUsed assessment : recorded) {
            if (used.put(assessment.townshipCode(), assessment) != null) {
                mismatches.add("township %s: the closing event lists more than one assessment"
                        .formatted(assessment.townshipCode()));
            }
        }
        SortedSet<String> townships = new TreeSet<>(used.keySet());
        townships.addAll(fromTownships.keySet());
        for (String township : townships) {
            AssessmentUsed was = used.get(township);
            AssessmentUsed is = fromTownships.get(township);
            if (is == null) {
                mismatches.add("township %s: the closing event used the assessment %s, the township's events give none usable"
                        .formatted(township, describe(was)));
            } else if (was == null) {
                mismatches.add("township %s: the closing event used no assessment, the township's events give %s"
                        .formatted(township, describe(is)));
            } else if (!was.equals(is)) {
                mismatches.add("township %s: the closing event used the assessment %s, the township's events give %s"
                        .formatted(township, describe(was), describe(is)));
            }
        }
        return townships.size();
    }

    private static String describe(AssessmentUsed assessment) {
        return "of %d scoring %d hundredths (%s)".formatted(assessment.year(), assessment.scoreHundredths(),
                assessment.documentNo());
    }

    private static void field(List<String> mismatches, String projectId, String name, Object recorded, Object recomputed) {
        if (!Objects.equals(recorded, recomputed)) {
            mismatches.add("%s %s: recorded %s, recomputed %s".formatted(projectId, name, recorded, recomputed));
        }
    }
}
