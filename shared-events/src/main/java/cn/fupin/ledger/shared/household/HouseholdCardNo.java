package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.IdSpace;

/**
 * A registered poor household's card number (户卡号), as the national register issues it: 1 to 32 letters, digits
 * and hyphens. It identifies the household everywhere in the ledger; its events are kept in the stream
 * {@code HH-<card number>} ({@link #streamId()}).
 *
 * <p>A value that cannot be a card number is refused: one that begins with the prefix of an identifier the ledger
 * makes or of a stream ({@code FUND-}, {@code PRJ-}, {@code HH-}, … see {@link IdSpace}), and one of exactly 6, 9 or
 * 12 digits, the shape of a county's, a township's or a village's division code, so that a card number can never be
 * read as another subject of the ledger.
 */
public record HouseholdCardNo(String value) {

    public HouseholdCardNo {
        if (value == null || !value.matches("[0-9A-Za-z-]{1,32}")) {
            throw new IllegalArgumentException("a household card number is 1 to 32 letters, digits or hyphens");
        }
        if (IdSpace.ofPrefix(value).isPresent()) {
            throw new IllegalArgumentException("a household card number does not begin with "
                    + IdSpace.ofPrefix(value).orElseThrow().prefix() + ", the prefix of the ledger's own identifiers");
        }
        if (value.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw new IllegalArgumentException("a household card number is not a division code (6, 9 or 12 digits)");
        }
    }

    /** Whether {@code value} is a card number. */
    public static boolean isValid(String value) {
        try {
            new HouseholdCardNo(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The household's event stream: {@code HH-} and the card number. */
    public String streamId() {
        return streamIdOf(value);
    }

    /** The event stream of the household with the card number {@code cardNo} (as events carry it). */
    public static String streamIdOf(String cardNo) {
        return IdSpace.HOUSEHOLD.streamId(cardNo);
    }

    @Override
    public String toString() {
        return value;
    }
}
