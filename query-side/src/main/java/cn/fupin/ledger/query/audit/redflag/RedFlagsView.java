package cn.fupin.ledger.query.audit.redflag;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/audit/red-flags}: how many findings each rule has among those answered (every rule
 * named, with 0 when it has none, so that a rule that ran and found nothing shows), and the findings themselves.
 */
public record RedFlagsView(Map<String, Integer> counts, List<FindingView> findings) {
}
