package cn.fupin.ledger.shared.disbursement;

/** Start-up grant coverage of the county, one township or one village ({@code level} COUNTY, TOWNSHIP, VILLAGE). */
public record FindGrantCoverageQuery(String level, String code) {
}
