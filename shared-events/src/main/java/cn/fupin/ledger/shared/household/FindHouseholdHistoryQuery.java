package cn.fupin.ledger.shared.household;

/** The facts recorded of one household, oldest first; answered by a list of {@link HouseholdHistoryEntry}. */
public record FindHouseholdHistoryQuery(String cardNo) {
}
