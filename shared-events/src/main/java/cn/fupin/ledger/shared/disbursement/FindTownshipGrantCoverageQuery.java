package cn.fupin.ledger.shared.disbursement;

/**
 * Start-up grant coverage of every township of the county {@code countyCode} ({@code null}: the ledger's county), in
 * the gazetteer's order, each a {@link GrantCoverageView} of level TOWNSHIP.
 */
public record FindTownshipGrantCoverageQuery(String countyCode) {
}
