package cn.fupin.ledger.ops.processing;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the metrics may carry. Axon's dimensional metrics tag an event processor's timers and counters with the event
 * type as well as the processing group: fourteen groups times every event type, each timer with its quantiles, would
 * be tens of thousands of series for a scrape to carry. The event type is dropped from them, so a group's timers and
 * counters add up its events of every type (the command bus keeps its command type: that is the rate per command).
 * Every tag left is a name from a fixed set (command types, processing groups, page kinds, HTTP route templates), never
 * an id or anything a person entered.
 */
@Configuration(proxyBeanMethods = false)
class LedgerMetrics {

    static final String AXON_PROCESSOR_PREFIX = "eventProcessor.";
    static final String AXON_PAYLOAD_TYPE = "payloadType";

    /**
     * Axon's capacity of a processor (the share of the last minute spent handling) is kept per processor and event
     * type in reservoirs of its own, which cannot be merged into one per processor: it is left out. A group's
     * {@code eventProcessor.allTimer} (time spent handling) and {@code processedCounter} tell the same.
     */
    @Bean
    MeterFilter noProcessorCapacityPerEventType() {
        return MeterFilter.deny(id -> id.getName().equals(AXON_PROCESSOR_PREFIX + "capacity"));
    }

    @Bean
    MeterFilter processorMetricsWithoutEventTypes() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String name = id.getName();
                if (!name.startsWith(AXON_PROCESSOR_PREFIX) || !(name.endsWith("Timer") || name.endsWith("Counter"))) {
                    return id;
                }
                List<Tag> kept = id.getTags().stream().filter(tag -> !AXON_PAYLOAD_TYPE.equals(tag.getKey())).toList();
                return kept.size() == id.getTags().size() ? id : id.replaceTags(kept);
            }
        };
    }
}
