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

    @ParameterizedTest
    @ValueSource(strings = {"FUND-2015-COUNTY", "FUND-510824-2015-COUNTY", "PRJ-2016-0001", "DSB-1", "GB-1", "CMP-1",
            "NTC-GL-1", "OBJ-1", "APPR-1", "IMPORT-1", "HH-0001", "VIL-510824100001", "TWN-510824100", "prj-2016-0001",
            "Fund-2015-COUNTY"})
    void refusesTheIdentifierOfAnotherKindOfRecord(String value) {
        assertThatThrownBy(() -> new HouseholdCardNo(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix of the ledger's own identifiers");
        assertThat(HouseholdCardNo.isValid(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"510824", "510824100", "510824100001"})
    void refusesTheShapeOfACountyTownshipOrVillageCode(String value) {
        assertThatThrownBy(() -> new HouseholdCardNo(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("division code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5108241", "5108241001", "5108241000010001", "H510824100001", "FUNDS-1", "HHK-1"})
    void acceptsOtherNumbersAndWordsThatOnlyLookAlike(String value) {
        assertThat(HouseholdCardNo.isValid(value)).isTrue();
    }

    @Test
    void itsEventsAreKeptInAStreamOfTheHouseholdsOwnSpace() {
        assertThat(new HouseholdCardNo("HK-0001").streamId()).isEqualTo("HH-HK-0001");
        assertThat(HouseholdCardNo.streamIdOf("5108241000010001")).isEqualTo("HH-5108241000010001");
    }

    @Test
    void twoCardNumbersWithTheSameTextAreEqual() {
        assertThat(new HouseholdCardNo("HK-0001")).isEqualTo(new HouseholdCardNo("HK-0001"))
                .isNotEqualTo(new HouseholdCardNo("HK-0002"));
    }
}
