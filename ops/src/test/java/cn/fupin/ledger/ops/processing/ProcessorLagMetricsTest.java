package cn.fupin.ledger.ops.processing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lag gauges per processor, over a fake event store. */
class ProcessorLagMetricsTest {

    private final StartupCatchUpTest.FakePositions positions = new StartupCatchUpTest.FakePositions();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void processors() {
        positions.head = OptionalLong.of(120);
        positions.processors.put("funds", 120L);
        positions.processors.put("journal", 100L);
        positions.gaps.put("journal", 2);
        new ProcessorLagMetrics(positions, registry, nanos::get).register();
    }

    private double gauge(String name, String processor) {
        return registry.get(name).tag(ProcessorLagMetrics.PROCESSOR_TAG, processor).gauge().value();
    }

    @Test
    void eachProcessorShowsHowManyEventsItIsBehindTheHeadAndItsGaps() {
        assertThat(gauge(ProcessorLagMetrics.BEHIND, "funds")).isZero();
        assertThat(gauge(ProcessorLagMetrics.BEHIND, "journal")).isEqualTo(20);
        assertThat(gauge(ProcessorLagMetrics.GAPS, "journal")).isEqualTo(2);
        assertThat(gauge(ProcessorLagMetrics.GAPS, "funds")).isZero();
        assertThat(registry.get(ProcessorLagMetrics.HEAD).gauge().value()).isEqualTo(120);
        assertThat(registry.find(ProcessorLagMetrics.BEHIND).gauges()).hasSize(2);
    }

    @Test
    void theHeadIsReadOnceForAScrapeAndAgainASecondLater() {
        assertThat(gauge(ProcessorLagMetrics.BEHIND, "journal")).isEqualTo(20);
        positions.head = OptionalLong.of(150);
        nanos.addAndGet(999_000_000L);
        assertThat(gauge(ProcessorLagMetrics.BEHIND, "journal")).isEqualTo(20);

        nanos.addAndGet(1_000_000L);
        assertThat(gauge(ProcessorLagMetrics.BEHIND, "journal")).isEqualTo(50);
    }

    @Test
    void aProcessorAheadOfAnOlderHeadReadingIsNotNegativelyBehind() {
        positions.processors.put("funds", 130L);
        assertThat(gauge(ProcessorLagMetrics.BEHIND, "funds")).isZero();
    }

    @Test
    void anUnreadablePositionShowsAsNotANumberRatherThanFailingTheScrape() {
        nanos.addAndGet(5_000_000_000L);
        positions.failure = new IllegalStateException("SELECT secret FROM somewhere");

        assertThat(gauge(ProcessorLagMetrics.BEHIND, "journal")).isNaN();
        assertThat(gauge(ProcessorLagMetrics.GAPS, "journal")).isNaN();
        assertThat(registry.get(ProcessorLagMetrics.HEAD).gauge().value()).isNaN();
    }
}
