package cn.fupin.ledger.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The processors' event source wakes a processor when the store has new events, rather than leaving it to Axon's
 * half-second poll, and is otherwise the store's own stream.
 */
class PromptEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private PromptEventSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.stop();
        }
        store.shutDown();
    }

    @Test
    void aNewEventWakesTheProcessorsThatListenAndTheirStreamsDeliverIt() throws Exception {
        // an idle wake-up so far off that only an event can wake the listener within the test
        source = new PromptEventSource(store, Duration.ofMinutes(10));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger wakes = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(wakes::incrementAndGet)).isTrue();
        assertThat(source.listeners()).isEqualTo(1);
        assertThat(stream.hasNextAvailable()).isFalse();

        // the watcher opens its stream at the store's head when the first processor listens: publish until it has
        AtomicInteger published = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            store.publish(GenericEventMessage.asEventMessage("event " + published.incrementAndGet()));
            assertThat(wakes.get()).isPositive();
        });

        // the store's producer fills each stream on its own thread: the last events may still be on their way to this one
        for (int i = 1; i <= published.get(); i++) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + i);
        }
        assertThat(stream.hasNextAvailable()).isFalse();
        stream.close();
    }

    @Test
    void withoutEventsEveryListenerIsStillWokenAtTheIdleInterval() {
        source = new PromptEventSource(store, Duration.ofMillis(50));
        AtomicInteger wakes = new AtomicInteger();
        source.openStream(null).setOnAvailableCallback(wakes::incrementAndGet);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(wakes.get()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void aClosedStreamIsNoLongerWokenAndStoppingEndsTheWatcher() {
        source = new PromptEventSource(store, Duration.ofMillis(50));
        AtomicInteger closedWakes = new AtomicInteger();
        AtomicInteger openWakes = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        closed.setOnAvailableCallback(closedWakes::incrementAndGet);
        source.openStream(null).setOnAvailableCallback(openWakes::incrementAndGet);
        assertThat(source.listeners()).isEqualTo(2);
        assertThat(source.watching()).isTrue();

        closed.close();
        int wakesWhenClosed = closedWakes.get();
        assertThat(source.listeners()).isEqualTo(1);
        int openBefore = openWakes.get();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(openWakes.get()).isGreaterThan(openBefore + 2));
        assertThat(closedWakes.get()).isEqualTo(wakesWhenClosed);

        source.stop();
        assertThat(source.watching()).isFalse();
        // a stream opened after the stop does not start the watcher again
        source.openStream(null).setOnAvailableCallback(() -> { });
        assertThat(source.watching()).isFalse();
    }

    @Test
    void aStreamThatRegistersAgainReplacesItsCallback() {
        source = new PromptEventSource(store, Duration.ofMillis(50));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.setOnAvailableCallback(() -> { });
        stream.setOnAvailableCallback(() -> { });
        assertThat(source.listeners()).isEqualTo(1);
    }
}
