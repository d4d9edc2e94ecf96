package cn.fupin.ledger.shared.household;

/**
 * A registered poor household's card number (户卡号), as the national register issues it: 1 to 32 letters,
 * digits and hyphens. It identifies the household everywhere in the ledger.
 */
public record HouseholdCardNo(String value) {

    public HouseholdCardNo {
        if (value == null || !value.matches("[0-9A-Za-z-]{1,32}")) {
            throw new IllegalArgumentException("a household card number is 1 to 32 letters, digits or hyphens");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
