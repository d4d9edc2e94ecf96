package cn.fupin.ledger.shared.journal;

import java.time.Instant;

/** Run the journal's self-check as of {@code asOf}. */
public record CheckJournalQuery(Instant asOf) {
}
