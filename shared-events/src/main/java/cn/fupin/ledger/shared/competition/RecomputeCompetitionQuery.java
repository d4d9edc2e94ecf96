package cn.fupin.ledger.shared.competition;

/** Recompute a closed round's ranking from the stored events alone and compare it with the recorded one. */
public record RecomputeCompetitionQuery(String competitionId) {
}
