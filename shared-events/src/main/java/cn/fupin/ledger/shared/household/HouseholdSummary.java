package cn.fupin.ledger.shared.household;

/** One household of a register search: its card, head, village and status; no personal number, not even masked. */
public record HouseholdSummary(String cardNo, String headName, String villageCode, String villageName,
                               HouseholdStatus status) {
}
