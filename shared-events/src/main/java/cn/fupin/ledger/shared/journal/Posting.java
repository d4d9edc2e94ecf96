package cn.fupin.ledger.shared.journal;

import java.time.Instant;

/**
 * One line of a posting (debits and credits alike): {@code amountFen} is positive for a debit and negative for a credit, so the
 * lines of one posting sum to zero. {@code reference} names the fact (appropriation, project, disbursement).
 */
public record Posting(String account, long amountFen, Instant at, String eventType, String reference) {
}
