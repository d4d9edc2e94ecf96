package cn.fupin.ledger.ops.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * One processing group's metrics, the names and tags Axon's dimensional metrics give them ({@code eventProcessor.*},
 * tagged {@code processorName}), with every meter registered once, when the group is built. Axon's own monitors look
 * their meters up in the registry for every event each group reads, tagged with the event's type and then stripped of
 * it again, and keep a capacity reservoir per type: in a rebuild of a county's twelve read models that bookkeeping was
 * an eighth of the machine's CPU (docs/performance.md, "Rebuild, profiled at county scale"), most of it for events a
 * group does not handle. Here an event a group ignores costs two counter increments; only a handled event is timed,
 * and sets the latency: how old it was, by the ledger's clock, when the group finished it.
 */
final class ProcessorMonitor implements MessageMonitor<EventMessage<?>> {

    static final String PREFIX = "eventProcessor.";
    static final String PROCESSOR_TAG = "processorName";

    private final Clock clock;
    private final Counter ingested;
    private final Counter success;
    private final Counter failure;
    private final Counter processed;
    private final Counter ignored;
    private final Timer all;
    private final Timer successTimer;
    private final Timer failureTimer;
    private final AtomicLong latencyMillis = new AtomicLong();

    ProcessorMonitor(String processorName, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Tags tags = Tags.of(PROCESSOR_TAG, processorName);
        ingested = Counter.builder(PREFIX + "ingestedCounter").tags(tags).register(registry);
        success = Counter.builder(PREFIX + "successCounter").tags(tags).register(registry);
        failure = Counter.builder(PREFIX + "failureCounter").tags(tags).register(registry);
        processed = Counter.builder(PREFIX + "processedCounter").tags(tags).register(registry);
        ignored = Counter.builder(PREFIX + "ignoredCounter").tags(tags).register(registry);
        all = timer(PREFIX + "allTimer", tags, registry);
        successTimer = timer(PREFIX + "successTimer", tags, registry);
        failureTimer = timer(PREFIX + "failureTimer", tags, registry);
        Gauge.builder(PREFIX + "latency", latencyMillis, AtomicLong::get).tags(tags).register(registry);
    }

    /** Axon's timer settings: quantiles over a ten-minute window. */
    private static Timer timer(String name, Tags tags, MeterRegistry registry) {
        return Timer.builder(name).tags(tags).distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999).register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        ingested.increment();
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled(message, started, successTimer);
                success.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                handled(message, started, failureTimer);
                failure.increment();
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
                processed.increment();
            }
        };
    }

    private void handled(EventMessage<?> message, long started, Timer outcome) {
        long took = System.nanoTime() - started;
        all.record(took, TimeUnit.NANOSECONDS);
        outcome.record(took, TimeUnit.NANOSECONDS);
        processed.increment();
        latencyMillis.set(Math.max(0, clock.millis() - message.getTimestamp().toEpochMilli()));
    }
}
