package cn.fupin.ledger.shared.household;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberTest {

    /** The worked example printed in GB 11643-1999 itself; its check character is X. */
    static final String STANDARD_EXAMPLE = "11010519491231002X";
    /** The second example of the standard, born in 1880. */
    static final String STANDARD_EXAMPLE_1880 = "440524188001010014";
    /** A made-up resident of Cangxi County (510824), born 15 July 1985. */
    static final String CANGXI_RESIDENT = "510824198507150018";

    @Test
    void parsesTheWorkedExampleOfTheStandard() {
        IdNumber id = IdNumber.parse(STANDARD_EXAMPLE);

        assertThat(id.plain()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(IdNumber.problemWith(STANDARD_EXAMPLE)).isNull();
    }

    @Test
    void parsesNumbersWhoseCheckCharacterIsADigit() {
        assertThat(IdNumber.parse(STANDARD_EXAMPLE_1880).plain()).isEqualTo(STANDARD_EXAMPLE_1880);
        assertThat(IdNumber.parse(CANGXI_RESIDENT).plain()).isEqualTo(CANGXI_RESIDENT);
    }

    @Test
    void acceptsALowerCaseXAndKeepsItUpperCase() {
        IdNumber id = IdNumber.parse("11010519491231002x");

        assertThat(id.plain()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(id).isEqualTo(IdNumber.parse(STANDARD_EXAMPLE));
        assertThat(id.hashCode()).isEqualTo(IdNumber.parse(STANDARD_EXAMPLE).hashCode());
    }

    @Test
    void acceptsABirthDateOnALeapDay() {
        assertThat(IdNumber.problemWith("510824200002290015")).isNull();
    }

    @Test
    void computesTheCheckCharacterOfTheFirstSeventeenDigits() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
        assertThat(IdNumber.checkCharacter("51082419850715001")).isEqualTo('8');
    }

    @Test
    void toStringShowsOnlyTheLastFourCharacters() {
        IdNumber id = IdNumber.parse(STANDARD_EXAMPLE);

        assertThat(id.toString()).isEqualTo("**************002X");
        assertThat(id.masked()).isEqualTo("**************002X");
        assertThat("household head " + id).doesNotContain(STANDARD_EXAMPLE).doesNotContain("110105");
    }

    @Nested
    class Refuses {

        @Test
        void aWrongCheckCharacter() {
            assertRefused("110105194912310021", "check character");
            assertRefused("510824198507150019", "check character");
        }

        @Test
        void aBirthDateThatIsNotADayOfTheCalendar() {
            // Each has the correct check character for its digits, so only the date can make it invalid.
            assertRefused("510824199902290015", "birth date"); // 29 February of a common year
            assertRefused("510824198513010011", "birth date"); // month 13
            assertRefused("51082419850700001X", "birth date"); // day 0
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "11010519491231002",      // 17 characters
                "11010519491231002XX",    // 19 characters
                "1101051949123100X2",     // X before the end
                "11010519491231002Y",     // a letter other than X
                "110105 19491231002X"     // a space inside
        })
        void aNumberOfTheWrongShape(String text) {
            assertRefused(text, "17 digits");
        }

        @Test
        void fullWidthDigitsAsAChineseInputMethodTypesThem() {
            // Character.isDigit accepts full-width digits (全角); the standard's number is ASCII digits only.
            StringBuilder fullWidth = new StringBuilder();
            STANDARD_EXAMPLE.chars().forEach(c -> fullWidth.append(c == 'X' ? 'X' : (char) (c - '0' + '\uFF10')));

            assertRefused(fullWidth.toString(), "17 digits");
        }

        @ParameterizedTest
        @NullAndEmptySource
        void aMissingNumber(String text) {
            assertRefused(text, "17 digits");
        }

        private void assertRefused(String text, String reasonPart) {
            String problem = IdNumber.problemWith(text);
            assertThat(problem).contains(reasonPart);
            if (text != null && !text.isEmpty()) {
                assertThat(problem).doesNotContain(text);
            }
            assertThatThrownBy(() -> IdNumber.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(problem);
        }
    }
}
