package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last reconciliation result recorded in the event store, by whichever node recorded it. Read from the newest end
 * of the store (the last one is recent: one is recorded at least daily) and kept for {@link #FRESH} so that a health
 * probe does not read the store each time; the node that records a result hands it over at once ({@link #recorded}).
 */
@Component
public class LastReconciliation {

    static final Duration FRESH = Duration.ofSeconds(30);
    private static final String TYPE = ReconciliationRecordedEvent.class.getName();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private ReconciliationRecordedEvent last;
    private long readAtNanos;
    private boolean read;

    LastReconciliation(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The last result recorded, if any was. */
    public synchronized Optional<ReconciliationRecordedEvent> last() {
        if (!read || System.nanoTime() - readAtNanos > FRESH.toNanos()) {
            List<ReconciliationRecordedEvent> found = jdbc.query("SELECT payload, payload_revision FROM"
                    + " domain_event_entry WHERE payload_type = ? ORDER BY global_index DESC LIMIT 1",
                    (row, n) -> serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(1), byte[].class,
                            TYPE, row.getString(2))), TYPE);
            last = found.isEmpty() ? null : found.get(0);
            readAtNanos = System.nanoTime();
            read = true;
        }
        return Optional.ofNullable(last);
    }

    /** A result this node has just recorded. */
    synchronized void recorded(ReconciliationRecordedEvent event) {
        last = event;
        readAtNanos = System.nanoTime();
        read = true;
    }
}
