package cn.fupin.ledger.shared.fund;

/** The county's own budget for poverty alleviation in one year against its floor; answered by {@link CountyFloorView}. */
public record FindCountyFloorQuery(int fiscalYear) {
}
