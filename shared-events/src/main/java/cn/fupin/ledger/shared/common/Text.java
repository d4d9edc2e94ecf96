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
}
