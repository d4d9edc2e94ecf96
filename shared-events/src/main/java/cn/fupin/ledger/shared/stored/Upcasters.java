package cn.fupin.ledger.shared.stored;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the ledger, in the order they apply, and last the check that what comes out is a class of this
 * code in the revision it reads ({@link RevisionCheck}). The one place where upcasters are registered: {@code ops}
 * hands this chain to Axon as its only upcaster, so the event store and every processor read through it, and the
 * stored-event fixtures of this module read through the same chain. An upcaster that needs a setting (the county's
 * code, say) takes it as a parameter of {@link #chain}, which {@code ops} passes from its configuration.
 */
public final class Upcasters {

    private Upcasters() {
    }

    /**
     * The chain, for events deserialized by {@code serializer} (the stored form, {@link StoredForm#serializer()}), in the
     * ledger of the county {@code countyCode} (the fund ids stored before they carried the county are read as its).
     * Add an upcaster in the place of its revision: an upcaster sees what the upcasters before it made.
     */
    public static EventUpcasterChain chain(Serializer serializer, String countyCode) {
        return new EventUpcasterChain(
                new FundsAppropriatedEventUpcaster(),
                new NoticePublishedEventUpcaster(StoredForm.objectMapper()),
                new ProjectProposedEventUpcaster(),
                new FundIdUpcaster(countyCode),
                new RevisionCheck(serializer));
    }
}
