package cn.fupin.ledger.shared.household;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankCardNumberTest {

    static final String SIXTEEN_DIGITS = "6250946000000016";
    static final String EIGHTEEN_DIGITS = "621700381000123455";
    static final String NINETEEN_DIGITS = "6222021234567890128";

    @ParameterizedTest
    @ValueSource(strings = {SIXTEEN_DIGITS, "4111111111111111", EIGHTEEN_DIGITS, NINETEEN_DIGITS})
    void parsesSixteenToNineteenDigitsWithACorrectLuhnDigit(String digits) {
        assertThat(BankCardNumber.problemWith(digits)).isNull();
        assertThat(BankCardNumber.parse(digits).plain()).isEqualTo(digits);
    }

    @Test
    void checksTheLuhnDigitOfTheClassicExample() {
        assertThat(BankCardNumber.luhnValid("79927398713")).isTrue();
        assertThat(BankCardNumber.luhnValid("79927398710")).isFalse();
        assertThat(BankCardNumber.luhnValid("79927398714")).isFalse();
    }

    @Test
    void toStringShowsOnlyTheLastFourDigits() {
        BankCardNumber card = BankCardNumber.parse(NINETEEN_DIGITS);

        assertThat(card.toString()).isEqualTo("***************0128");
        assertThat(card.masked()).isEqualTo("***************0128");
        assertThat("paid to " + card).doesNotContain(NINETEEN_DIGITS).doesNotContain("622202");
    }

    @Test
    void isEqualToTheSameNumberOnly() {
        assertThat(BankCardNumber.parse(SIXTEEN_DIGITS)).isEqualTo(BankCardNumber.parse(SIXTEEN_DIGITS))
                .hasSameHashCodeAs(BankCardNumber.parse(SIXTEEN_DIGITS))
                .isNotEqualTo(BankCardNumber.parse("4111111111111111"));
    }

    @Nested
    class Refuses {

        @ParameterizedTest
        @ValueSource(strings = {"6250946000000017", "6222021234567890127", "4111111111111112"})
        void aWrongLuhnDigit(String digits) {
            assertRefused(digits, "Luhn");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "622848001234566",       // 15 digits, Luhn-valid
                "41111111111111111115",  // 20 digits, Luhn-valid
                "4111 1111 1111 1111",   // grouped as printed on the card
                "411111111111111A"
        })
        void aNumberOfTheWrongShape(String text) {
            assertRefused(text, "16 to 19 digits");
        }

        @ParameterizedTest
        @NullAndEmptySource
        void aMissingNumber(String text) {
            assertRefused(text, "16 to 19 digits");
        }

        private void assertRefused(String text, String reasonPart) {
            String problem = BankCardNumber.problemWith(text);
            assertThat(problem).contains(reasonPart);
            if (text != null && !text.isEmpty()) {
                assertThat(problem).doesNotContain(text);
            }
            assertThatThrownBy(() -> BankCardNumber.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(problem);
        }
    }
}
