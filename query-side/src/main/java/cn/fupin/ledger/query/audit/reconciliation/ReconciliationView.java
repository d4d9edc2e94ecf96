package cn.fupin.ledger.query.audit.reconciliation;

import cn.fupin.ledger.shared.audit.ReconciliationDifference;
import java.time.Instant;
import java.util.List;

/**
 * The answer of a reconciliation: at {@code checkedAt} (ledger time), over the events up to {@code upToGlobalIndex},
 * how many funds and projects were compared and every measure on which the journal, the aggregates and the read
 * models do not all agree. {@code agrees} when there is none.
 */
public record ReconciliationView(Instant checkedAt, long upToGlobalIndex, int funds, int projects,
                                 List<ReconciliationDifference> differences, boolean agrees) {

    public ReconciliationView {
        differences = List.copyOf(differences);
    }
}
