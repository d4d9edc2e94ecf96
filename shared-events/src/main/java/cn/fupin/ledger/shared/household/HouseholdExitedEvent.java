package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/** A household left poverty and exited the register (脱贫退出) in {@code year}, for {@code reason}. */
@Revision("1")
public record HouseholdExitedEvent(String cardNo, int year, String reason) {
}
