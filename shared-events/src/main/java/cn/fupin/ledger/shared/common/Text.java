package cn.fupin.ledger.shared.common;

/** Small checks on free text that commands share. */
public final class Text {

    private Text() {
    }

    /** Whether the text is missing or holds only white space. */
    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Whether the text holds control characters other than tab and line breaks. */
    public static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /**
     * Whether the text holds any control character, tab and line breaks included. For one-line values (a name, a
     * document number) that are printed on one line of a notice or a list, where a line break is damage, not text.
     */
    public static boolean hasAnyControlCharacters(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
