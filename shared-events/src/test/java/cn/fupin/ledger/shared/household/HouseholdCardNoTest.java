package cn.fupin.ledger.shared.household;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HouseholdCardNoTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "HK-510824100001-0001", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsOneToThirtyTwoLettersDigitsAndHyphens(String value) {
        assertThat(new HouseholdCardNo(value).value()).isEqualTo(value);
        assertThat(new HouseholdCardNo(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abcdefghijklmnopqrstuvwxyz0123456", "HK 0001", "HK_0001", "户卡-0001", "HK-0001\n"})
    void refusesAnythingElse(String value) {
        assertThatThrownBy(() -> new HouseholdCardNo(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 32 letters, digits or hyphens");
    }

    @Test
    void twoCardNumbersWithTheSameTextAreEqual() {
        assertThat(new HouseholdCardNo("HK-0001")).isEqualTo(new HouseholdCardNo("HK-0001"))
                .isNotEqualTo(new HouseholdCardNo("HK-0002"));
    }
}
