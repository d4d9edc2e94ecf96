package cn.fupin.ledger.ops.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class ProcessorMonitorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ProcessorMonitor monitor = new ProcessorMonitor("funds", registry, Clock.fixed(NOW, ZoneOffset.UTC));

    private static EventMessage<?> recordedAt(Instant at) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), "an event", MetaData.emptyInstance(), at);
    }

    private double count(String name) {
        return registry.get(ProcessorMonitor.PREFIX + name).tag(ProcessorMonitor.PROCESSOR_TAG, "funds").counter()
                .count();
    }

    private long timed(String name) {
        return registry.get(ProcessorMonitor.PREFIX + name).tag(ProcessorMonitor.PROCESSOR_TAG, "funds").timer()
                .count();
    }

    @Test
    void everyMeterIsThereBeforeTheFirstEventTaggedWithTheGroupAlone() {
        // (a registry without quantiles of its own adds a gauge per published quantile: left out here)
        List<Meter> meters = registry.getMeters().stream()
                .filter(meter -> !meter.getId().getName().endsWith(".percentile")).toList();
        assertThat(meters).extracting(meter -> meter.getId().getName()).containsExactlyInAnyOrder(
                "eventProcessor.ingestedCounter", "eventProcessor.successCounter", "eventProcessor.failureCounter",
                "eventProcessor.processedCounter", "eventProcessor.ignoredCounter", "eventProcessor.allTimer",
                "eventProcessor.successTimer", "eventProcessor.failureTimer", "eventProcessor.latency");
        assertThat(meters).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .extracting(tag -> tag.getKey() + "=" + tag.getValue()).containsExactly("processorName=funds"));
    }

    @Test
    void aHandledEventIsCountedTimedAndSetsTheLatencyByTheLedgersClock() {
        monitor.onMessageIngested(recordedAt(NOW.minusSeconds(3))).reportSuccess();
        monitor.onMessageIngested(recordedAt(NOW.minusSeconds(1))).reportFailure(new IllegalStateException("x"));

        assertThat(count("ingestedCounter")).isEqualTo(2);
        assertThat(count("successCounter")).isEqualTo(1);
        assertThat(count("failureCounter")).isEqualTo(1);
        assertThat(count("processedCounter")).isEqualTo(2);
        assertThat(count("ignoredCounter")).isZero();
        assertThat(timed("allTimer")).isEqualTo(2);
        assertThat(timed("successTimer")).isEqualTo(1);
        assertThat(timed("failureTimer")).isEqualTo(1);
        assertThat(registry.get("eventProcessor.latency").gauge().value()).isEqualTo(1_000);
    }

    @Test
    void anIgnoredEventIsCountedButNeitherTimedNorAgedAndRegistersNothing() {
        int meters = registry.getMeters().size();
        monitor.onMessageIngested(recordedAt(NOW.minusSeconds(3))).reportSuccess();
        monitor.onMessageIngested(recordedAt(NOW.minusSeconds(500))).reportIgnored();

        assertThat(count("ingestedCounter")).isEqualTo(2);
        assertThat(count("ignoredCounter")).isEqualTo(1);
        assertThat(count("processedCounter")).isEqualTo(2);
        assertThat(timed("allTimer")).isEqualTo(1);
        assertThat(registry.get("eventProcessor.latency").gauge().value()).isEqualTo(3_000);
        assertThat(registry.getMeters()).hasSize(meters);
    }
}
