package cn.fupin.ledger.shared.audit;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The ledger's scheduled reconciliation compared, over the events up to {@code upToGlobalIndex}, every fund's and
 * project's journal balances with the aggregates' own state and with the read models, at {@code checkedAt} (ledger
 * time): {@code agrees} when no measure differs; otherwise {@code differenceCount} differences, of which the first
 * {@link #DIFFERENCES_MAX} are kept in {@code differences} (amounts in fen). Recorded when the result changed from the
 * last one recorded, or a day after it, so the history shows when the books stopped and started agreeing.
 */
@Revision("1")
public record ReconciliationRecordedEvent(long upToGlobalIndex, boolean agrees, int differenceCount,
                                          List<ReconciliationDifference> differences, Instant checkedAt) {

    /** At most this many differences are kept in one event; the endpoint names them all. */
    public static final int DIFFERENCES_MAX = 100;

    public ReconciliationRecordedEvent {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
