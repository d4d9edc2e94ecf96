package cn.fupin.ledger.shared.competition;

/**
 * The township assessment a closing round used for the TOWNSHIP_ASSESSMENT criterion: {@code scoreHundredths} of
 * {@code year}, from the document {@code documentNo}.
 */
public record AssessmentUsed(String townshipCode, int year, int scoreHundredths, String documentNo) {
}
