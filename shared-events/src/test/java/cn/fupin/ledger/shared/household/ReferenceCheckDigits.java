package cn.fupin.ledger.shared.household;

/**
 * Check digits computed the way the standards state them, independently of the code under test, so that a test
 * built on them can catch a wrong weight or a wrong table in the production code.
 */
final class ReferenceCheckDigits {

    private ReferenceCheckDigits() {
    }

    /**
     * GB 11643-1999: the weight of the digit at 0-based position i is 2^(17-i) mod 11, and the check value is
     * (12 - sum mod 11) mod 11, written X when it is 10.
     */
    static char gb11643(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** ISO/IEC 7812 (Luhn): the digit that makes the doubled-alternate sum, counted from the right, a multiple of 10. */
    static char luhn(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            // The check digit will sit to the right of the payload, so the payload's last digit is doubled.
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
