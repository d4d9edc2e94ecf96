package cn.fupin.ledger.shared.place;

/** A village's or community's 12-digit statistical division code (统计用区划代码), e.g. 510824100001. */
public record VillageCode(String value) {

    public VillageCode {
        if (value == null || !value.matches("\\d{12}")) {
            throw new IllegalArgumentException("a village code has 12 digits");
        }
    }

    /** The township the village belongs to: the first nine digits of its code. */
    public TownshipCode township() {
        return new TownshipCode(value.substring(0, 9));
    }

    @Override
    public String toString() {
        return value;
    }
}
