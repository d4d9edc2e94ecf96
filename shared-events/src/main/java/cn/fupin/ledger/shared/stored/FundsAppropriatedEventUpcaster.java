package cn.fupin.ledger.shared.stored;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code FundsAppropriatedEvent} revision 1 → 2: the running total {@code appropriatedTotalFen} is left out. The fund
 * derives its total from the amounts of its appropriations, so a stored total that disagreed with them could only
 * mislead; nothing else changes.
 */
final class FundsAppropriatedEventUpcaster extends RevisionUpcaster {

    static final String TYPE = "cn.fupin.ledger.shared.fund.FundsAppropriatedEvent";

    FundsAppropriatedEventUpcaster() {
        super(TYPE, "1", "2");
    }

    @Override
    void change(ObjectNode payload) {
        payload.remove("appropriatedTotalFen");
    }
}
