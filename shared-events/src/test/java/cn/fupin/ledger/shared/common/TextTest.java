package cn.fupin.ledger.shared.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void missingOrWhiteSpaceTextIsBlank() {
        assertThat(Text.isBlank(null)).isTrue();
        assertThat(Text.isBlank("")).isTrue();
        assertThat(Text.isBlank(" \t\n\u3000")).isTrue();
        assertThat(Text.isBlank(" 文号 ")).isFalse();
    }

    @Test
    void freeTextMayBreakLinesButHoldsNoOtherControlCharacters() {
        assertThat(Text.hasControlCharacters("第一行\r\n第二行\t完")).isFalse();
        assertThat(Text.hasControlCharacters(null)).isFalse();
        assertThat(Text.hasControlCharacters("a\u0000b")).isTrue();
        assertThat(Text.hasControlCharacters("a\u001Bb")).isTrue();
        assertThat(Text.hasControlCharacters("a\u007Fb")).isTrue();
        assertThat(Text.hasControlCharacters("a\u0085b")).isTrue();
    }

    @Test
    void oneLineTextHoldsNoControlCharacterAtAllNotEvenALineBreak() {
        assertThat(Text.hasAnyControlCharacters("苍财农〔2015〕12号")).isFalse();
        assertThat(Text.hasAnyControlCharacters(null)).isFalse();
        assertThat(Text.hasAnyControlCharacters("苍财农\n〔2015〕12号")).isTrue();
        assertThat(Text.hasAnyControlCharacters("苍财农\r〔2015〕12号")).isTrue();
        assertThat(Text.hasAnyControlCharacters("王\t大山")).isTrue();
        assertThat(Text.hasAnyControlCharacters("a\u0000b")).isTrue();
    }
}
