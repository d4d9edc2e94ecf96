package cn.fupin.ledger.shared.household;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @Test
    void masksAllButTheLastFourCharacters() {
        assertThat(PersonalData.mask("11010519491231002X")).isEqualTo("**************002X");
        assertThat(PersonalData.mask("12345")).isEqualTo("*2345");
    }

    @Test
    void leavesTextOfFourCharactersOrFewerAsItIs() {
        assertThat(PersonalData.mask("1234")).isEqualTo("1234");
        assertThat(PersonalData.mask("12")).isEqualTo("12");
        assertThat(PersonalData.mask("")).isEmpty();
    }

    @Test
    void masksNothingWhenThereIsNothing() {
        assertThat(PersonalData.mask(null)).isNull();
    }

    @Test
    void theUnmaskedNumbersOfAnAuditorsViewDoNotLeakThroughToString() {
        HouseholdPersonalData data = new HouseholdPersonalData("11010519491231002X", "6222021234567890128");

        assertThat(data.toString())
                .isEqualTo("HouseholdPersonalData[idNumber=**************002X, bankCard=***************0128]");
        assertThat(data.idNumber()).isEqualTo("11010519491231002X");
        assertThat(data.bankCard()).isEqualTo("6222021234567890128");
    }
}
