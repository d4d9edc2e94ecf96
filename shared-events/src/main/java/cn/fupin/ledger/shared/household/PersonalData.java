package cn.fupin.ledger.shared.household;

/** Masking of personal numbers for display: everything but the last four characters becomes an asterisk. */
public final class PersonalData {

    private PersonalData() {
    }

    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        int visible = Math.min(4, value.length());
        return "*".repeat(value.length() - visible) + value.substring(value.length() - visible);
    }
}
