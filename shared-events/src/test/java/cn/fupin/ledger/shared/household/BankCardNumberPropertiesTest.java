package cn.fupin.ledger.shared.household;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of Luhn-checked card numbers. Why a single changed digit is always caught: a digit in an undoubled
 * position changes the sum by d (1 <= |d| <= 9); in a doubled position the digit goes through
 * 0,1,...,9 -> 0,2,4,6,8,1,3,5,7,9, a permutation, so the sum changes by a non-zero amount of at most 9 as well.
 * Neither is a multiple of 10, so the sum leaves its multiple of 10.
 */
class BankCardNumberPropertiesTest {

    @Property
    void anyFifteenToEighteenDigitsWithTheirLuhnDigitParse(@ForAll("payloads") String payload) {
        String number = payload + ReferenceCheckDigits.luhn(payload);

        assertThat(BankCardNumber.problemWith(number)).isNull();
        assertThat(BankCardNumber.parse(number).plain()).isEqualTo(number);
    }

    @Property
    void changingAnySingleDigitMakesTheNumberInvalid(
            @ForAll("payloads") String payload,
            @ForAll @IntRange(min = 0, max = 18) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String valid = payload + ReferenceCheckDigits.luhn(payload);
        int at = position % valid.length();
        char replacement = (char) ('0' + (valid.charAt(at) - '0' + shift) % 10);
        String changed = valid.substring(0, at) + replacement + valid.substring(at + 1);

        assertThat(BankCardNumber.luhnValid(changed)).isFalse();
        assertThat(BankCardNumber.problemWith(changed)).isNotNull();
    }

    @Provide
    Arbitrary<String> payloads() {
        return Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(18);
    }
}
