package cn.fupin.ledger.shared.competition;

/** Where a round stands: open for submissions, past its deadline, or closed with a ranking. */
public enum CompetitionStatus {
    OPEN,
    SUBMISSIONS_CLOSED,
    CLOSED
}
