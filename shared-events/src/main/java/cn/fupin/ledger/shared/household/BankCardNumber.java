package cn.fupin.ledger.shared.household;

/**
 * A bank card number for subsidy payments (一卡通): 16 to 19 digits ending in a Luhn check digit.
 * Personal data: {@link #toString()} shows only the last four digits.
 */
public final class BankCardNumber {

    private final String value;

    private BankCardNumber(String value) {
        this.value = value;
    }

    /** Parses a bank card number; throws when it is not valid. */
    public static BankCardNumber parse(String text) {
        String reason = problemWith(text);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return new BankCardNumber(text);
    }

    /** Why the text is not a valid bank card number, or null when it is. Never repeats the text. */
    public static String problemWith(String text) {
        if (text == null || !text.matches("\\d{16,19}")) {
            return "a bank card number has 16 to 19 digits";
        }
        if (!luhnValid(text)) {
            return "the bank card number's check digit is wrong (Luhn)";
        }
        return null;
    }

    /** Whether the digits end in a correct Luhn check digit. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public String plain() {
        return value;
    }

    public String masked() {
        return PersonalData.mask(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BankCardNumber that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
