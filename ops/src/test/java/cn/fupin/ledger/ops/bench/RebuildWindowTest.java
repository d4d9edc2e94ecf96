package cn.fupin.ledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A rebuild measured over a window is the slowest read model's pace, never the fastest's. */
class RebuildWindowTest {

    @Test
    void theSlowestReadModelSetsTheRate() {
        assertThat(BenchmarkHarness.windowRate(List.of(600_000L, 36_000L, 120_000L), 180.0)).isCloseTo(200.0,
                within(1e-9));
    }

    @Test
    void aReadModelThatHasNotStartedCountsAsNothingDone() {
        assertThat(BenchmarkHarness.windowRate(List.of(600_000L, -1L), 60.0)).isZero();
    }

    @Test
    void aRateNeedsReadModelsAndTime() {
        assertThatThrownBy(() -> BenchmarkHarness.windowRate(List.of(), 60.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkHarness.windowRate(List.of(5L), 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
