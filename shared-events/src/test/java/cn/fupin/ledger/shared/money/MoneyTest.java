package cn.fupin.ledger.shared.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @ParameterizedTest(name = "{0} fen is {1}")
    @CsvSource(delimiter = '|', value = {
            "0                    | 0.00元",
            "1                    | 0.01元",
            "10                   | 0.10元",
            "100                  | 1.00元",
            "99999                | 999.99元",
            "100000               | 1,000.00元",
            "300000               | 3,000.00元",
            "123456789            | 1,234,567.89元",
            "1200000000           | 12,000,000.00元",
            "-1                   | -0.01元",
            "-300000              | -3,000.00元",
            "9223372036854775807  | 92,233,720,368,547,758.07元",
            "-9223372036854775808 | -92,233,720,368,547,758.08元"
    })
    void showsFenAsYuanWithTwoDecimalsAndThousandsSeparators(long fen, String text) {
        assertThat(Money.yuan(fen)).isEqualTo(text);
        assertThat(Money.yuanNumber(fen)).isEqualTo(text.replace("元", ""));
    }

    @ParameterizedTest(name = "{0} fen is {1}")
    @CsvSource(delimiter = '|', value = {
            "0                    | 0.00万元",
            "1                    | 0.00万元",
            "4999                 | 0.00万元",
            "5000                 | 0.01万元",
            "14999                | 0.01万元",
            "15000                | 0.02万元",
            "1000000              | 1.00万元",
            "1234567890           | 1,234.57万元",
            "1234549999           | 1,234.55万元",
            "1200000000           | 1,200.00万元",
            "-4999                | 0.00万元",
            "-5000                | -0.01万元",
            "-1234567890          | -1,234.57万元",
            "9223372036854775807  | 9,223,372,036,854.78万元",
            "-9223372036854775808 | -9,223,372,036,854.78万元"
    })
    void showsFenAsWanYuanRoundingHalfAwayFromZero(long fen, String text) {
        assertThat(Money.wanYuan(fen)).isEqualTo(text);
    }

    @Test
    void theCountyFloorIsTwelveMillionYuan() {
        assertThat(Money.yuan(Money.COUNTY_FLOOR_FEN)).isEqualTo("12,000,000.00元");
        assertThat(Money.wanYuan(Money.COUNTY_FLOOR_FEN)).isEqualTo("1,200.00万元");
    }
}
