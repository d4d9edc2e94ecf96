package cn.fupin.ledger.shared.journal;

import java.time.Instant;

/** The postings of one account up to {@code asOf}, in order. */
public record FindAccountPostingsQuery(String account, Instant asOf) {
}
