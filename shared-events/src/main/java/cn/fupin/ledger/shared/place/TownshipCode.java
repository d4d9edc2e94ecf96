package cn.fupin.ledger.shared.place;

/** A township's (乡镇) 9-digit statistical division code, e.g. 510824100. */
public record TownshipCode(String value) {

    public TownshipCode {
        if (value == null || !value.matches("\\d{9}")) {
            throw new IllegalArgumentException("a township code has 9 digits");
        }
    }

    /** The county the township belongs to: the first six digits of its code. */
    public String countyCode() {
        return value.substring(0, 6);
    }

    @Override
    public String toString() {
        return value;
    }
}
