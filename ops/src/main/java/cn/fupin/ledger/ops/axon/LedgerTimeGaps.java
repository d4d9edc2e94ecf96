package cn.fupin.ledger.ops.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Gaps aged in the time that passed, not in how far the ledger's clock jumped. Axon's JPA storage engine gives up
 * waiting for a gap (a global index taken by a transaction still open) once the event after it is older than the gap
 * timeout, measuring "now" with {@code GenericEventMessage.clock}, which is the ledger's clock: event timestamps are
 * ledger time. The demo clock jumps forward by days; at a jump, every event of the last minutes suddenly looks days
 * old, so a processor that reads such an event after the jump drops the gaps below it and never handles the events of
 * the transactions then open. (Found while chasing events missing from the event history's index after a run of the
 * whole test suite; those turned out to have another cause, the index taking a late event's position from its token,
 * mended in {@code StorePositions}. This one follows from Axon's code: {@code LedgerTimeGapsTest}.)
 *
 * <p>The engine here tells the clock, for the duration of one fetch on the fetching thread, how far the ledger's clock
 * jumped during the last gap timeout of the system's time; the clock then reads that much earlier, which is the ledger
 * time the gap timeout would have measured without those jumps. Outside a fetch, and with a clock that never jumps
 * (the system clock of production), nothing changes.
 */
final class LedgerTimeGaps {

    private static final ThreadLocal<Duration> JUMPED = new ThreadLocal<>();

    private LedgerTimeGaps() {
    }

    /**
     * The storage engine: Axon's JPA engine, whose fetches of tracked events read the clock set back by the jumps of
     * the last {@code gapTimeout} ({@code jumpedWithin} tells how far the ledger's clock jumped within a span).
     */
    static final class StorageEngine extends JpaEventStorageEngine {

        private final Duration gapTimeout;
        private final UnaryOperator<Duration> jumpedWithin;

        StorageEngine(Builder builder, Duration gapTimeout, UnaryOperator<Duration> jumpedWithin) {
            super(builder.gapTimeout(Math.toIntExact(gapTimeout.toMillis())));
            this.gapTimeout = gapTimeout;
            this.jumpedWithin = jumpedWithin;
        }

        @Override
        protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
            return readingEarlierBy(jumpedWithin.apply(gapTimeout), () -> super.fetchTrackedEvents(lastToken, batchSize));
        }
    }

    /** Runs {@code work} on this thread with the {@link #eventClock} reading {@code jumped} earlier. */
    static <T> T readingEarlierBy(Duration jumped, Supplier<T> work) {
        if (jumped.isZero()) {
            return work.get();
        }
        JUMPED.set(jumped);
        try {
            return work.get();
        } finally {
            JUMPED.remove();
        }
    }

    /**
     * The clock Axon stamps events with and ages gaps by: the ledger's clock, read earlier by the recent jumps while
     * the storage engine fetches on this thread.
     */
    static Clock eventClock(Clock ledger) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ledger.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return eventClock(ledger.withZone(zone));
            }

            @Override
            public Instant instant() {
                Duration jumped = JUMPED.get();
                return jumped == null ? ledger.instant() : ledger.instant().minus(jumped);
            }
        };
    }
}
