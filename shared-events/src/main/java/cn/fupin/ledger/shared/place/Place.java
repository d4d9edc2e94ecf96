package cn.fupin.ledger.shared.place;

/** One row of the gazetteer: a county, a township or a village, with its official name and its parent's code. */
public record Place(String code, String name, String parentCode, Level level) {

    public enum Level { COUNTY, TOWNSHIP, VILLAGE }
}
