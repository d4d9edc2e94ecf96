package cn.fupin.ledger.shared.competition;

import java.util.List;

/**
 * The ranking of a closed round recomputed from the stored events ({@code ranking}), whether it {@code matches} the
 * ranking recorded in the closing event, and which events it was computed from ({@code eventCount} events of the
 * round, {@code assessmentsChecked} township assessments compared with the townships' own events). {@code mismatches}
 * names every difference found, empty when it matches.
 */
public record RecomputationView(String competitionId, boolean matches, List<RankingLineView> ranking,
                                List<RankingLineView> recorded, int eventCount, int assessmentsChecked,
                                List<String> mismatches) {
}
