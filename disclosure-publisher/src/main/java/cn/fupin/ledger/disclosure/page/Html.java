package cn.fupin.ledger.disclosure.page;

/**
 * Escaping for HTML text and attribute values. Every value a page shows passes through {@link #escape}: a household
 * name, a project name, a document number or a notice's text that holds markup ({@code <script>}) is shown as the
 * characters it is, never run.
 */
public final class Html {

    private Html() {
    }

    /**
     * The text escaped for HTML text and for double- or single-quoted attribute values: {@code & < > " '} become
     * character references, and control characters other than tab and line breaks (which have no business on a page
     * and could confuse a reader) become U+FFFD. {@code null} is the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? "\uFFFD" : null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement == null) {
                    escaped.append(c);
                } else {
                    escaped.append(replacement);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
