package cn.fupin.ledger.shared.journal;

/**
 * One posting line of an account as the journal recorded it: {@code postingNo} is the journal's number of the line,
 * rising in the order the journal recorded them, which places it in the account's list (and keys a page of it).
 */
public record AccountPostingView(long postingNo, Posting posting) {
}
