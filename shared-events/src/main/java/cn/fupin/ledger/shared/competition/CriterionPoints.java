package cn.fupin.ledger.shared.competition;

/** A reviewer's points (an integer, 0 to 100) for one criterion of one proposal. */
public record CriterionPoints(String criterion, int points) {
}
