package cn.fupin.ledger.shared.inbox;

import java.time.Instant;
import java.util.List;

/**
 * The notices that can hold or disclose a payment of {@code items} as of {@code asOf}, for the approver's inbox
 * (审批): among the notices in their period at {@code asOf}, those with an objection on one of the items, and every
 * notice of the villages {@code villageCodes} (where a payment is made public, 事前公示), each one that lists any of
 * the items, answered as {@link ListingNoticeView}s in publication order. A notice outside those three sets can
 * neither hold nor disclose a payment, so the inbox reads no more than a few notices per item, never the whole list.
 * Bounded: at most {@value #ITEMS_MAX} items and {@value #VILLAGES_MAX} villages per query.
 */
public record FindNoticesListingQuery(List<String> items, List<String> villageCodes, Instant asOf) {

    public static final int ITEMS_MAX = 2_000;
    public static final int VILLAGES_MAX = 500;

    public FindNoticesListingQuery {
        items = List.copyOf(items);
        villageCodes = List.copyOf(villageCodes);
        if (items.size() > ITEMS_MAX || villageCodes.size() > VILLAGES_MAX) {
            throw new IllegalArgumentException("at most " + ITEMS_MAX + " items and " + VILLAGES_MAX
                    + " villages per query");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("the notices are read as of a moment of the ledger's clock");
        }
    }
}
