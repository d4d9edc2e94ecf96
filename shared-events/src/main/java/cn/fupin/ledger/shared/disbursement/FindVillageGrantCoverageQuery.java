package cn.fupin.ledger.shared.disbursement;

/**
 * Start-up grant coverage of every village of the township {@code townshipCode}, in the gazetteer's order, each a
 * {@link GrantCoverageView} of level VILLAGE: one answer for a township page's table of villages, rather than one
 * query per village. Empty for a code that is no township of the ledger's county.
 */
public record FindVillageGrantCoverageQuery(String townshipCode) {
}
