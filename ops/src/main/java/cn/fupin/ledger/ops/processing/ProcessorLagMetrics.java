package cn.fupin.ledger.ops.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How far each streaming processor is behind the event store, as gauges per processor (the processing group's name,
 * one of a fixed few; never an id or anything a person entered):
 * <ul>
 *   <li>{@value #BEHIND} — events behind the head: the store's highest global index minus the lowest position of
 *       the processor's segments (0 when caught up). Axon's own {@code eventProcessor.latency} says how old the last
 *       event handled was, which in the demo profile jumps with the demo clock; this gauge counts events.</li>
 *   <li>{@value #GAPS} — the global indexes the processor saw skipped and still waits for (transactions still open,
 *       or rolled back and ageing out after {@code ledger.event-store.gap-timeout}).</li>
 *   <li>{@value #HEAD} — the store's highest global index (0 while it is empty).</li>
 * </ul>
 * The gauges are registered once the application has started (Axon's processors exist then). A scrape reads them
 * all within moments, so the head and the tokens are read at most once a second and shared by every gauge: one
 * indexed {@code MAX} over the event table and each processor's tokens (from memory for the segments this node
 * runs). A reading that fails (the database away) shows as NaN rather than failing the scrape.
 */
@Component
class ProcessorLagMetrics {

    static final String BEHIND = "ledger.processor.events.behind";
    static final String GAPS = "ledger.processor.gaps";
    static final String HEAD = "ledger.event.store.head";
    static final String PROCESSOR_TAG = "processor";

    private static final Logger log = LoggerFactory.getLogger(ProcessorLagMetrics.class);
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ProcessorPositions positions;
    private final MeterRegistry registry;
    private final LongSupplier nanoTime;
    private long headReadAt;
    private OptionalLong head = OptionalLong.empty();
    private boolean headRead;

    @Autowired
    ProcessorLagMetrics(ProcessorPositions positions, MeterRegistry registry) {
        this(positions, registry, System::nanoTime);
    }

    ProcessorLagMetrics(ProcessorPositions positions, MeterRegistry registry, LongSupplier nanoTime) {
        this.positions = positions;
        this.registry = registry;
        this.nanoTime = nanoTime;
    }

    @EventListener(ApplicationStartedEvent.class)
    void register() {
        Gauge.builder(HEAD, this, ProcessorLagMetrics::headIndex)
                .description("The event store's highest global index")
                .register(registry);
        for (String processor : positions.processors()) {
            Gauge.builder(BEHIND, this, metrics -> metrics.behind(processor))
                    .description("Events the processor's slowest segment is behind the event store's head")
                    .tag(PROCESSOR_TAG, processor)
                    .register(registry);
            Gauge.builder(GAPS, this, metrics -> metrics.gaps(processor))
                    .description("Skipped global indexes the processor still waits for")
                    .tag(PROCESSOR_TAG, processor)
                    .register(registry);
        }
    }

    double behind(String processor) {
        try {
            OptionalLong now = head();
            if (now.isEmpty()) {
                return 0;
            }
            return Math.max(0, now.getAsLong() - positions.position(processor));
        } catch (RuntimeException e) {
            return unreadable(processor, e);
        }
    }

    double headIndex() {
        try {
            return head().orElse(0);
        } catch (RuntimeException e) {
            return unreadable("(head)", e);
        }
    }

    double gaps(String processor) {
        try {
            return positions.gaps(processor);
        } catch (RuntimeException e) {
            return unreadable(processor, e);
        }
    }

    /** The head, read again when the last reading is older than a second (one scrape reads every gauge at once). */
    synchronized OptionalLong head() {
        long now = nanoTime.getAsLong();
        if (!headRead || now - headReadAt >= FRESH_NANOS) {
            head = positions.head();
            headReadAt = now;
            headRead = true;
        }
        return head;
    }

    private static double unreadable(String what, RuntimeException e) {
        // The exception's class only: its message may quote SQL.
        log.warn("the position of {} could not be read for the metrics: {}", what, e.getClass().getSimpleName());
        return Double.NaN;
    }
}
