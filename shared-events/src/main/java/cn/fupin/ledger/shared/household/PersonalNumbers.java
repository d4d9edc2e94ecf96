package cn.fupin.ledger.shared.household;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text holds what looks like a personal number: an ID number (18 characters with a valid check character)
 * or a bank card number (16 to 19 digits passing the Luhn check), digits perhaps grouped by spaces or hyphens. What
 * the ledger prints for the public (notices, public pages) must hold none; the notice rules refuse it and the public
 * pages leave out what holds one.
 */
public final class PersonalNumbers {

    private static final Pattern NUMBER = Pattern.compile("\\d(?:[ -]?\\d)*[Xx]?");
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])");

    private PersonalNumbers() {
    }

    /** Whether {@code text} (may be null) holds an ID number or a bank card number. */
    public static boolean in(String text) {
        if (text == null) {
            return false;
        }
        // The ledger's own record ids carry a UUID (DSB-1a2b…): a run of its digit groups may join into 16 digits that
        // happen to pass the Luhn check. A UUID is never an ID number or a card (32 hex digits, 8-4-4-4-12), so UUIDs
        // are set aside before the digits are read.
        Matcher number = NUMBER.matcher(UUID_SHAPE.matcher(text).replaceAll(" "));
        while (number.find()) {
            String digits = number.group().replaceAll("[ -]", "");
            if (digits.length() == 18 && digits.substring(0, 17).chars().allMatch(Character::isDigit)
                    && Character.toUpperCase(digits.charAt(17)) == IdNumber.checkCharacter(digits.substring(0, 17))) {
                return true;
            }
            String plain = digits.endsWith("X") || digits.endsWith("x")
                    ? digits.substring(0, digits.length() - 1) : digits;
            if (plain.length() >= 16 && plain.length() <= 19 && BankCardNumber.luhnValid(plain)) {
                return true;
            }
        }
        return false;
    }
}
