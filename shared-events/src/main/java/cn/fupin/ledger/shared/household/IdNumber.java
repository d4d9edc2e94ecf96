package cn.fupin.ledger.shared.household;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity card number (公民身份号码, GB 11643-1999): 17 digits and a check character (0-9 or X).
 * Personal data: {@link #toString()} shows only the last four characters, so that it cannot leak into a log.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private final String value;

    private IdNumber(String value) {
        this.value = value;
    }

    /** Parses an ID number, accepting a lower-case x as the check character; throws when it is not valid. */
    public static IdNumber parse(String text) {
        String reason = problemWith(text);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return new IdNumber(text.toUpperCase(java.util.Locale.ROOT));
    }

    /** Why the text is not a valid ID number, or null when it is. Never repeats the text. */
    public static String problemWith(String text) {
        if (text == null || !text.matches("\\d{17}[0-9Xx]")) {
            return "an ID number has 17 digits and a check character";
        }
        try {
            LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
        } catch (DateTimeException e) {
            return "the ID number's birth date is not a date";
        }
        if (Character.toUpperCase(text.charAt(17)) != checkCharacter(text)) {
            return "the ID number's check character is wrong (GB 11643)";
        }
        return null;
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The plain number: only for encryption and for an auditor's recorded view. */
    public String plain() {
        return value;
    }

    /** The number masked for display: all but the last four characters replaced by asterisks. */
    public String masked() {
        return PersonalData.mask(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && that.value.equals(value);
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
