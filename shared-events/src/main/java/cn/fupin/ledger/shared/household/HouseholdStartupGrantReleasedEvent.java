package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/** The household's start-up grant {@code disbursementId} was {@code outcome} (REJECTED or REVERSED): it may be granted again. */
@Revision("1")
public record HouseholdStartupGrantReleasedEvent(String cardNo, String disbursementId, String outcome) {
}
