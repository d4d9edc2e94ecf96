package cn.fupin.ledger.shared.journal;

import java.time.Instant;
import java.util.List;

/**
 * The journal's self-check as of {@code asOf}: {@code balanced} when all postings sum to zero, and every account that
 * may not go negative (fund available, project reserved, paid to village or household) or positive (appropriation)
 * that did, with its balance. {@code ok} when balanced and none.
 */
public record JournalCheckView(Instant asOf, boolean ok, boolean balanced, long totalFen, List<String> violations) {
}
