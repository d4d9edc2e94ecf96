package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.query.audit.EventsByGlobalIndex;
import cn.fupin.ledger.query.audit.LedgerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The auditors' event history: the index ({@link EventHistoryIndex}) finds the global indexes of the matching
 * events, the event store gives the events themselves ({@link EventsByGlobalIndex}, through the upcasters), and
 * {@link PersonalDataShown} shows their payloads. A page holds at most {@link EventHistoryFilter#SIZE_MAX} events; a
 * stream goes through the matches in batches of {@link EventsByGlobalIndex#BATCH_MAX}, holding one batch at a time.
 */
@Component
class EventHistory {

    private final EventHistoryIndex index;
    private final EventsByGlobalIndex events;
    private final PersonalDataShown shown;

    EventHistory(EventHistoryIndex index, EventsByGlobalIndex events, PersonalDataShown shown) {
        this.index = index;
        this.events = events;
        this.shown = shown;
    }

    /** A page of rows, the cursor of the next page, and whether any row shows personal data. */
    record Page(List<EventHistoryRow> rows, Long next, boolean personalData) {
    }

    /** The page {@code filter} asks for (its size and cursor). */
    Page page(EventHistoryFilter filter) {
        int size = filter.size();
        List<Long> found = index.indexes(filter, filter.after(), Long.MAX_VALUE, size + 1);
        Long next = found.size() > size ? found.get(size - 1) : null;
        List<LedgerEvent> loaded = events.load(found.subList(0, Math.min(size, found.size())));
        List<EventHistoryRow> rows = new ArrayList<>(loaded.size());
        boolean personalData = false;
        for (LedgerEvent event : loaded) {
            rows.add(row(event));
            personalData |= PersonalDataShown.TYPES.contains(event.type());
        }
        return new Page(rows, next, personalData);
    }

    /** The last global index indexed now: a stream bounded by it is a snapshot, whatever is appended meanwhile. */
    long head() {
        return index.head();
    }

    /** How many rows {@link #stream} will give for {@code filter} up to {@code ceiling}. */
    EventHistoryIndex.Count count(EventHistoryFilter filter, long ceiling) {
        return index.count(filter, ceiling, PersonalDataShown.TYPES);
    }

    /** Every matching row up to {@code ceiling}, in order, to {@code sink}, one batch at a time. */
    void stream(EventHistoryFilter filter, long ceiling, Consumer<EventHistoryRow> sink) {
        Long cursor = filter.after();
        while (true) {
            List<Long> found = index.indexes(filter, cursor, ceiling, EventsByGlobalIndex.BATCH_MAX);
            if (found.isEmpty()) {
                return;
            }
            for (LedgerEvent event : events.load(found)) {
                sink.accept(row(event));
            }
            cursor = found.get(found.size() - 1);
        }
    }

    private EventHistoryRow row(LedgerEvent event) {
        return new EventHistoryRow(event.globalIndex(), event.eventId(), event.type(), event.revision(),
                event.aggregateType(), event.aggregateId(), event.sequence(), event.timestamp(), shown.payload(event),
                event.metadata());
    }
}
