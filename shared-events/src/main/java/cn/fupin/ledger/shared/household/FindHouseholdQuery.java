package cn.fupin.ledger.shared.household;

/** One household by card number; answered by an optional {@link HouseholdView}. */
public record FindHouseholdQuery(String cardNo) {
}
