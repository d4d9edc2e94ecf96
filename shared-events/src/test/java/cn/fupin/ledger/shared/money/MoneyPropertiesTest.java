package cn.fupin.ledger.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyPropertiesTest {

    @Property
    void theYuanTextOfAnyAmountReadsBackAsTheSameFen(@ForAll long fen) {
        String text = Money.yuanNumber(fen);

        assertThat(text).matches("-?\\d{1,3}(,\\d{3})*\\.\\d{2}");
        assertThat(new BigDecimal(text.replace(",", "")).movePointRight(2).longValueExact()).isEqualTo(fen);
    }

    @Property
    void theWanYuanTextOfAnyAmountIsItRoundedHalfUpToTheHundredthOfAWan(@ForAll long fen) {
        String text = Money.wanYuan(fen);
        // The reference: exact decimal arithmetic, used here only to check the integer arithmetic of Money.
        BigDecimal expected = BigDecimal.valueOf(fen).movePointLeft(6).setScale(2, RoundingMode.HALF_UP);

        assertThat(text).endsWith("万元");
        BigDecimal shown = new BigDecimal(text.replace("万元", "").replace(",", ""));
        assertThat(shown).isEqualByComparingTo(expected);
    }
}
