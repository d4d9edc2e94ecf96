package cn.fupin.ledger.shared.household;

/** How many rows of an import were recorded as new households, and how many matched the ledger already. */
public record HouseholdImportResult(int imported, int unchanged) {
}
