package cn.fupin.ledger.ops.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the processors read it, with word of new events as soon as there are any.
 *
 * <p>A pooled streaming processor's coordinator that finds no event either waits for its stream's "events available"
 * callback or, when the stream offers none (the embedded event store's streams do not), looks again after a fixed
 * 500 ms. Every hop from a command to what it causes cost about that: 450 ms from an appropriation's answer to the
 * funds read model showing it, twice that to the county page (the publisher's notice, then the page), whatever the
 * load (docs/performance.md). Here one watcher thread tails the store like any processor and, when its stream has
 * events (the store's producer fetched them, from this node's commits at once and from other nodes' within its fetch
 * delay), runs every processor's callback; its coordinator then reads them at once. The watcher also runs the callbacks
 * whenever half a second passes without events, so that nothing waits longer than it did before.
 *
 * <p>Everything else is the store's own stream: positions, tokens, gaps and replays are unchanged.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);

    /** How long the watcher waits for events before it wakes every coordinator anyway (Axon's own poll: 500 ms). */
    static final Duration IDLE_WAKE = Duration.ofMillis(500);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration idleWake;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private volatile Thread watcher;
    private volatile boolean stopped;

    PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this(store, IDLE_WAKE);
    }

    PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration idleWake) {
        this.store = store;
        this.idleWake = idleWake;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** Stops the watcher (the processors are shutting down; the store after them). */
    void stop() {
        Thread running;
        synchronized (lifecycle) {
            stopped = true;
            running = watcher;
            watcher = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the watcher thread runs (for tests). */
    boolean watching() {
        Thread running = watcher;
        return running != null && running.isAlive();
    }

    /** How many processors' streams are listening (for tests). */
    int listeners() {
        return callbacks.size();
    }

    private void listen(Runnable callback) {
        callbacks.add(callback);
        synchronized (lifecycle) {
            if (watcher == null && !stopped) {
                watcher = new Thread(this::watch, "ledger-event-watcher");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
    }

    private void watch() {
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
                while (!stopped) {
                    if (stream.hasNextAvailable((int) idleWake.toMillis(), TimeUnit.MILLISECONDS)) {
                        while (stream.hasNextAvailable()) {
                            stream.nextAvailable();
                        }
                    }
                    wakeAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                // the database may be away for a moment: the coordinators still poll on their own (every 5 s at the
                // latest); the cause's class only, never its message (it may quote SQL)
                log.warn("the event watcher lost its stream ({}); opening it again in 1 s", e.getClass().getName());
                wakeAll();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void wakeAll() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("a processor's wake-up failed ({})", e.getClass().getName());
            }
        }
    }

    /** A processor's stream: the store's, with its callback registered with the watcher. */
    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            listen(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
