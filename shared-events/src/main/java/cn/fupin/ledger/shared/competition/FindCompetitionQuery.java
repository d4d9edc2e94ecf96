package cn.fupin.ledger.shared.competition;

/** One competitive round with its proposals and, once closed, its ranking. */
public record FindCompetitionQuery(String competitionId) {
}
