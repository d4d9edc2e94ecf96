package cn.fupin.ledger.shared.fund;

/**
 * The total appropriated from source COUNTY in {@code fiscalYear} against the floor of 12,000,000 yuan
 * (1,200,000,000 fen) that the seed sets (县本级财政每年整合安排1200万元以上).
 */
public record CountyFloorView(int fiscalYear, long countyBudgetFen, long floorFen, boolean met) {
}
