package cn.fupin.ledger.disclosure.page;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Html#escape} on any text made of markup characters, control characters, Latin letters and Chinese, so that
 * every try holds the characters that matter.
 */
class HtmlEscapePropertyTest {

    @Property
    void neverLeavesAnAngleBracketOrQuote(@ForAll @Chars({'<', '>', '&', '"', '\'', '\u0000', '\n', '\t', '\u001b', ';', '#'})
            @AlphaChars @CharRange(from = '\u4e00', to = '\u9fa5') String text) {
        String escaped = Html.escape(text);

        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(escaped.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
    }

    @Property
    void isUndoneByReadingTheEntitiesBack(@ForAll @Chars({'<', '>', '&', '"', '\'', '\u0000', '\n', '\t', '\u001b', ';', '#'})
            @AlphaChars @CharRange(from = '\u4e00', to = '\u9fa5') String text) {
        String shown = Html.escape(text).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        String expected = text.codePoints()
                .map(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? 0xFFFD : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(shown).isEqualTo(expected);
    }
}
