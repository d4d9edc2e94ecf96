package cn.fupin.ledger.shared.journal;

import java.time.Instant;

/** Every account's balance as of {@code asOf} (postings up to and including that instant). */
public record FindTrialBalanceQuery(Instant asOf) {
}
