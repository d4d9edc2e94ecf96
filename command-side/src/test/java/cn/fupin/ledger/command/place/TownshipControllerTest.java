package cn.fupin.ledger.command.place;

import cn.fupin.ledger.shared.common.Refusal;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The score of an assessment arrives as a decimal number of points and is kept in hundredths of a point. */
class TownshipControllerTest {

    @Test
    void aScoreWithTwoDecimalsBecomesHundredthsOfAPoint() {
        assertThat(TownshipController.scoreHundredths(new BigDecimal("92.57"))).isEqualTo(9257);
    }

    @Test
    void aScoreWithOneDecimalOrNoneBecomesHundredthsToo() {
        assertThat(TownshipController.scoreHundredths(new BigDecimal("92.5"))).isEqualTo(9250);
        assertThat(TownshipController.scoreHundredths(new BigDecimal("88"))).isEqualTo(8800);
    }

    @Test
    void trailingZerosBeyondTheSecondDecimalAreNoExtraPrecision() {
        assertThat(TownshipController.scoreHundredths(new BigDecimal("92.5000"))).isEqualTo(9250);
    }

    @Test
    void theLimitsZeroAndAHundredAreScores() {
        assertThat(TownshipController.scoreHundredths(new BigDecimal("0"))).isZero();
        assertThat(TownshipController.scoreHundredths(new BigDecimal("100.00"))).isEqualTo(10000);
        assertThat(TownshipController.scoreHundredths(new BigDecimal("1E+2"))).isEqualTo(10000);
    }

    @Nested
    class Refuses {

        @Test
        void aThirdDecimal() {
            assertRefused("92.505", "SCORE_PRECISION");
        }

        @Test
        void aScoreAboveAHundred() {
            assertRefused("100.01", "SCORE_OUT_OF_RANGE");
        }

        @Test
        void aNegativeScore() {
            assertRefused("-0.01", "SCORE_OUT_OF_RANGE");
        }

        @Test
        void aNumberTooLargeForAnyScore() {
            assertRefused("1E+40", "SCORE_OUT_OF_RANGE");
        }

        private void assertRefused(String score, String code) {
            Refusal refusal = catchThrowableOfType(Refusal.class,
                    () -> TownshipController.scoreHundredths(new BigDecimal(score)));
            assertThat(refusal).isNotNull();
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(refusal.problems()).extracting(p -> p.field()).containsExactly("score");
        }
    }
}
