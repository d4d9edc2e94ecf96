package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import java.time.Instant;
import java.util.Map;

/**
 * Ledger events for the tests of the rules over recorded facts (four-eyes refusals, cadres' relatives, screening
 * lists): each with the next global index, an event id {@code E<index>}, and {@code actor} in its metadata.
 */
final class FactEvents {

    private long index;

    LedgerEvent at(String timestamp, String actor, Object payload) {
        index++;
        return new LedgerEvent(index, "E" + index, payload.getClass().getSimpleName(), "1", null, "stream-" + index, 0,
                Instant.parse(timestamp), payload, actor == null ? Map.of() : Map.of("actor", actor));
    }
}
