package cn.fupin.ledger.query.audit.history;

import java.util.List;

/**
 * A page of the event history: its events in the order asked for, and {@code next}, the cursor for the following
 * page ({@code after=<next>}), or null when this page is the last.
 */
record EventHistoryView(List<EventHistoryRow> events, Long next) {
}
