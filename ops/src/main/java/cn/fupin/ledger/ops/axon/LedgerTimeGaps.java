package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.clock.DemoClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Gaps aged in the time that passed, by the ledger's own clock, not in how far the ledger's clock jumped or in another
 * ledger's clock. Axon's JPA storage engine gives up waiting for a gap (a global index taken by a transaction still
 * open) once the event after it is older than the gap timeout, measuring "now" with {@code GenericEventMessage.clock},
 * a static that Axon shares between every ledger of the JVM; event timestamps are ledger time. Two things could make
 * the events of the last minutes look days old, so that a processor dropped the gaps below them and never handled the
 * events of the transactions then open:
 * <ul>
 * <li>the demo clock jumps forward by days ({@code LedgerTimeGapsTest}); the engine here ages with the ledger's time
 * less the jumps of the last gap timeout of the system's time ({@link DemoClock#instantLessJumpsWithin}), read anew at
 * each reading, so that a jump while a fetch runs counts too;</li>
 * <li>another ledger in the same JVM (tests run several; a province run may) set the static clock last: the engine
 * here ages with its own ledger's clock whatever the static one is, and what a ledger's handlers record (its commands,
 * its processors' and sagas' reactions, its deadlines) is stamped with its own clock ({@link LedgerClockInterceptor}).
 * Found when the event history's index missed an event of the shared test ledger that was committed late while a
 * test ran a ledger of its own, whose clock was hundreds of days behind: the shared ledger's reactions meanwhile were
 * stamped with the other clock and, read back by their own ledger, looked that old.</li>
 * </ul>
 * (An earlier hunt for events missing from the index found another cause, the index taking a late event's position
 * from its token, mended in {@code StorePositions}.)
 *
 * <p>For the duration of one fetch on the fetching thread, the static clock reads the fetching engine's aging clock;
 * while a ledger's handler runs, it reads that ledger's clock; anywhere else, the clock of the ledger that set it
 * last. With one ledger and a clock that never jumps (the system clock of production), nothing changes.
 */
final class LedgerTimeGaps {

    private static final ThreadLocal<Supplier<Instant>> AGING = new ThreadLocal<>();
    private static final ThreadLocal<Clock> HANDLING = new ThreadLocal<>();

    private LedgerTimeGaps() {
    }

    /**
     * The storage engine: Axon's JPA engine, whose fetches of tracked events age gaps with {@code agingClock} (the
     * ledger's time, less the demo clock's recent jumps).
     */
    static final class StorageEngine extends JpaEventStorageEngine {

        private final Supplier<Instant> agingClock;

        StorageEngine(Builder builder, Duration gapTimeout, Supplier<Instant> agingClock) {
            super(builder.gapTimeout(Math.toIntExact(gapTimeout.toMillis())));
            this.agingClock = agingClock;
        }

        @Override
        protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
            return aging(agingClock, () -> super.fetchTrackedEvents(lastToken, batchSize));
        }
    }

    /** The clock gaps age by for {@code ledger}: its time less its jumps within the gap timeout, when it jumps. */
    static Supplier<Instant> agingClock(Clock ledger, Duration gapTimeout) {
        if (ledger instanceof DemoClock demo) {
            return () -> demo.instantLessJumpsWithin(gapTimeout);
        }
        return ledger::instant;
    }

    /** Runs {@code work} on this thread with every {@link #eventClock} reading {@code agingClock}. */
    static <T> T aging(Supplier<Instant> agingClock, Supplier<T> work) {
        Supplier<Instant> outer = AGING.get();
        AGING.set(agingClock);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                AGING.remove();
            } else {
                AGING.set(outer);
            }
        }
    }

    /** Runs {@code work} on this thread with every {@link #eventClock} reading {@code ledger} (a ledger's handler). */
    static <T> T handlingFor(Clock ledger, Callable<T> work) throws Exception {
        Clock outer = HANDLING.get();
        HANDLING.set(ledger);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                HANDLING.remove();
            } else {
                HANDLING.set(outer);
            }
        }
    }

    /**
     * The clock Axon stamps events with and ages gaps by: the fetching engine's aging clock while a storage engine
     * fetches on this thread, the handling ledger's clock while a ledger's handler runs on it, else {@code ledger}.
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
                Supplier<Instant> aging = AGING.get();
                if (aging != null) {
                    return aging.get();
                }
                Clock handling = HANDLING.get();
                return handling == null ? ledger.instant() : handling.instant();
            }
        };
    }
}
