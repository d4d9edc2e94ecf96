package cn.fupin.ledger.shared.competition;

/**
 * A proposal's score on one criterion in hundredths of a point out of 100 (0 to 10000): the mean of the counted
 * reviewers' points rounded half up to hundredths, or the township's assessment for TOWNSHIP_ASSESSMENT.
 * {@code reviewers} is how many reviewers' points were counted (0 for the assessment criterion).
 */
public record CriterionScore(String criterion, int scoreHundredths, int reviewers) {
}
