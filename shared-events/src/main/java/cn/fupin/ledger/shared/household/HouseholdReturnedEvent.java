package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/** An exited household fell back into poverty (返贫) in {@code year}, for {@code reason}, and is registered again. */
@Revision("1")
public record HouseholdReturnedEvent(String cardNo, int year, String reason) {
}
