package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/**
 * Somebody (named in the metadata, as with every event) was shown a household's unmasked ID and bank card
 * numbers, for {@code reason} where one was given. Recorded because every such view must be traceable.
 */
@Revision("1")
public record HouseholdPersonalDataViewedEvent(String cardNo, String reason) {
}
