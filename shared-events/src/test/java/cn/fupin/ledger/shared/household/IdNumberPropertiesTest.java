package cn.fupin.ledger.shared.household;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of GB 11643 numbers. Why a single changed digit is always caught: the check condition is
 * sum(digit_i * 2^(17-i)) + check = 1 (mod 11) over the 18 positions. Changing one digit by d (1 <= |d| <= 9)
 * changes the sum by d * 2^(17-i) mod 11; 11 is prime and neither d nor a power of 2 is a multiple of it, so the
 * sum moves to another residue and the required check character is another one (the table maps the 11
 * residues to 11 distinct characters). Changing the check character itself obviously breaks the match.
 */
class IdNumberPropertiesTest {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    @Property
    void anySeventeenDigitsWithARealBirthDateAndTheirCheckCharacterParse(@ForAll("firstSeventeen") String first17) {
        String number = first17 + ReferenceCheckDigits.gb11643(first17);

        assertThat(IdNumber.problemWith(number)).isNull();
        assertThat(IdNumber.parse(number).plain()).isEqualTo(number);
        assertThat(IdNumber.checkCharacter(first17)).isEqualTo(ReferenceCheckDigits.gb11643(first17));
    }

    @Property
    void changingAnySingleCharacterToAnotherDigitMakesTheNumberInvalid(
            @ForAll("firstSeventeen") String first17,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String valid = first17 + ReferenceCheckDigits.gb11643(first17);
        char original = valid.charAt(position);
        char replacement = original == 'X' ? (char) ('0' + shift) : (char) ('0' + (original - '0' + shift) % 10);
        String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);

        assertThat(IdNumber.problemWith(changed)).isNotNull();
    }

    @Property
    void theMaskedNumberShowsNothingButTheLastFourCharacters(@ForAll("firstSeventeen") String first17) {
        String number = first17 + ReferenceCheckDigits.gb11643(first17);
        String shown = IdNumber.parse(number).toString();

        assertThat(shown).hasSize(18).startsWith("*".repeat(14)).endsWith(number.substring(14));
    }

    /** A 6-digit region code, a real birth date from 1900 to 2099, and a 3-digit sequence number. */
    @Provide
    Arbitrary<String> firstSeventeen() {
        Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<LocalDate> birth = Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(region, birth, sequence)
                .as((r, b, s) -> r + b.format(BASIC_DATE) + s);
    }
}
