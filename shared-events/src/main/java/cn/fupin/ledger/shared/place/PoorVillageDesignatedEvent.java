package cn.fupin.ledger.shared.place;

import org.axonframework.serialization.Revision;

/**
 * A village was designated a poor village (贫困村) for {@code year} by the document {@code documentNo}.
 * Village-targeted project funds may only go to poor villages (seed, 特惠).
 */
@Revision("1")
public record PoorVillageDesignatedEvent(String villageCode, String townshipCode, int year, String documentNo) {
}
