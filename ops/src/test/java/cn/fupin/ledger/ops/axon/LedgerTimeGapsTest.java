package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.clock.DemoClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps age in the time that passed, not in the demo clock's jumps. Axon keeps waiting for a gap while the event after
 * it is younger than the gap timeout by {@code GenericEventMessage.clock} (the ledger's clock): an event stamped a
 * minute before an 11-day jump must still count as a minute old while the storage engine fetches, and as 11 days old
 * once the jump is older than the gap timeout. Without {@link LedgerTimeGaps}, the first assertion fails: processors
 * dropped such gaps and never handled the events of transactions open at a jump.
 */
class LedgerTimeGapsTest {

    static final Instant SYSTEM_START = Instant.parse("2026-12-04T02:00:00Z");
    static final Duration GAP_TIMEOUT = Duration.ofMinutes(10);

    final AtomicReference<Instant> systemNow = new AtomicReference<>(SYSTEM_START);
    /** Run at each reading of the system clock, if set (not again within itself). */
    final AtomicReference<Runnable> atEachReading = new AtomicReference<>();
    final AtomicBoolean reading = new AtomicBoolean();
    DemoClock ledger;

    /** A system clock the test moves. */
    Clock system() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Runnable hook = atEachReading.get();
                if (hook != null && reading.compareAndSet(false, true)) {
                    try {
                        hook.run();
                    } finally {
                        reading.set(false);
                    }
                }
                return systemNow.get();
            }
        };
    }

    @BeforeEach
    void demoClock() {
        ledger = demoClock("ledger-time-gaps");
    }

    DemoClock demoClock(String name) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        List.of("V1__axon_event_store.sql", "V8__notices.sql", "V13__demo_clock_moves.sql").forEach(script ->
                new ResourceDatabasePopulator(new FileSystemResource(Path.of("src/main/resources/db/migration", script)))
                        .execute(dataSource));
        DemoClock clock = new DemoClock(system(), new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource));
        clock.afterSingletonsInstantiated();
        return clock;
    }

    /** Whether the storage engine of {@code ledger} would still wait for a gap below an event stamped {@code stamped}. */
    boolean engineWaitsBelow(Instant stamped, DemoClock of, Clock eventClock) {
        return LedgerTimeGaps.aging(LedgerTimeGaps.agingClock(of, GAP_TIMEOUT), () -> gapsAllowedBelow(stamped, eventClock));
    }

    /** Whether Axon would still wait for a gap below an event stamped {@code stamped}, reading the clock now. */
    boolean gapsAllowedBelow(Instant stamped, Clock eventClock) {
        return stamped.isAfter(eventClock.instant().minus(GAP_TIMEOUT));
    }

    @Test
    void anEventStampedAMinuteBeforeAJumpIsAMinuteOldWhileTheEngineFetches() {
        Clock eventClock = LedgerTimeGaps.eventClock(ledger);
        Instant stamped = eventClock.instant();
        systemNow.set(SYSTEM_START.plusSeconds(60));
        ledger.advance(11, "auditor");
        ledger.advance(11, "auditor");

        assertThat(ledger.jumpedWithin(GAP_TIMEOUT)).isEqualTo(Duration.ofDays(22));
        assertThat(gapsAllowedBelow(stamped, eventClock)).as("outside a fetch the clock reads the ledger's time")
                .isFalse();
        assertThat(engineWaitsBelow(stamped, ledger, eventClock)).isTrue();
        assertThat(eventClock.instant()).as("and reads it again after the fetch")
                .isEqualTo(SYSTEM_START.plusSeconds(60).plus(Duration.ofDays(22)));
    }

    @Test
    void onceTheJumpIsOlderThanTheGapTimeoutTheEventIsAsOldAsTheLedgerSays() {
        Clock eventClock = LedgerTimeGaps.eventClock(ledger);
        Instant stamped = eventClock.instant();
        systemNow.set(SYSTEM_START.plusSeconds(60));
        ledger.advance(11, "auditor");
        systemNow.set(SYSTEM_START.plus(GAP_TIMEOUT).plusSeconds(61));

        assertThat(ledger.jumpedWithin(GAP_TIMEOUT)).isZero();
        assertThat(engineWaitsBelow(stamped, ledger, eventClock)).isFalse();
    }

    @Test
    void onlyTheJumpsWithinTheSpanCountNotTheOlderOnesKept() {
        systemNow.set(SYSTEM_START.plusSeconds(60));
        ledger.advance(5, "auditor");
        systemNow.set(SYSTEM_START.plus(GAP_TIMEOUT).plusSeconds(120));
        ledger.advance(7, "auditor");
        ledger.advance(1, "auditor");

        assertThat(ledger.jumpedWithin(GAP_TIMEOUT)).isEqualTo(Duration.ofDays(8));
        assertThat(ledger.jumpedWithin(GAP_TIMEOUT.multipliedBy(3))).isEqualTo(Duration.ofDays(13));
    }

    @Test
    void withoutJumpsAGapTimesOutAfterTheGapTimeoutOfSystemTime() {
        Clock eventClock = LedgerTimeGaps.eventClock(ledger);
        Instant stamped = eventClock.instant();
        systemNow.set(SYSTEM_START.plus(GAP_TIMEOUT).minusSeconds(1));
        assertThat(engineWaitsBelow(stamped, ledger, eventClock)).isTrue();
        systemNow.set(SYSTEM_START.plus(GAP_TIMEOUT).plusSeconds(1));
        assertThat(engineWaitsBelow(stamped, ledger, eventClock)).isFalse();
    }

    @Test
    void aJumpWhileTheEngineFetchesCountsForTheRestOfTheFetch() {
        // The jumps were once read when a fetch began: a jump during the fetch then aged every event read after it.
        Clock eventClock = LedgerTimeGaps.eventClock(ledger);
        Instant stamped = eventClock.instant();
        systemNow.set(SYSTEM_START.plusSeconds(60));
        boolean waits = LedgerTimeGaps.aging(LedgerTimeGaps.agingClock(ledger, GAP_TIMEOUT), () -> {
            ledger.advance(30, "auditor");
            return gapsAllowedBelow(stamped, eventClock);
        });
        assertThat(waits).isTrue();
    }

    @Test
    void aReadingAtTheMomentOfAMoveNeverSeesTheMoveWithoutItsCompensation() {
        // The offset once changed before the move was recorded: a fetch reading in between took the events of the last
        // minutes for 30 days old.
        Instant before = ledger.instant();
        List<Instant> readings = new CopyOnWriteArrayList<>();
        atEachReading.set(() -> readings.add(ledger.instantLessJumpsWithin(GAP_TIMEOUT)));
        ledger.advance(30, "auditor");
        atEachReading.set(null);

        assertThat(readings).isNotEmpty().allSatisfy(reading -> assertThat(reading).isBeforeOrEqualTo(before));
        assertThat(ledger.instantLessJumpsWithin(GAP_TIMEOUT)).isEqualTo(before);
        assertThat(ledger.instant()).isEqualTo(before.plus(Duration.ofDays(30)));
    }

    @Test
    void anotherLedgerInTheSameJvmChangesNeitherTheStampsNorTheAgingOfThisOnesEvents() throws Exception {
        // Axon's event clock is one static for the whole JVM. A test that runs a ledger of its own (a fresh clock,
        // far behind the shared ledger's) set it last; the shared ledger's reactions meanwhile carried the other
        // ledger's time, looked hundreds of days old to their own ledger, and the gaps below them were dropped.
        ledger.advance(300, "auditor");
        systemNow.set(SYSTEM_START.plus(GAP_TIMEOUT).plusSeconds(60));
        DemoClock other = demoClock("other-ledger");
        Clock previous = GenericEventMessage.clock;
        GenericEventMessage.clock = LedgerTimeGaps.eventClock(other);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("record"));
        try {
            EventMessage<?> outside = GenericEventMessage.asEventMessage("recorded outside any handler");
            assertThat(outside.getTimestamp()).as("Axon stamps with whichever ledger set its clock last")
                    .isEqualTo(other.instant());

            Object recorded = new LedgerClockInterceptor(ledger).handle(unitOfWork,
                    () -> GenericEventMessage.asEventMessage("recorded by this ledger's handler"));
            EventMessage<?> byHandler = (EventMessage<?>) recorded;
            assertThat(byHandler.getTimestamp()).isEqualTo(ledger.instant());
            assertThat(GenericEventMessage.asEventMessage("after the handler").getTimestamp())
                    .as("the handler's clock goes with it").isEqualTo(other.instant());

            systemNow.set(SYSTEM_START.plus(GAP_TIMEOUT).plusSeconds(120));
            assertThat(engineWaitsBelow(byHandler.getTimestamp(), ledger, GenericEventMessage.clock))
                    .as("this ledger's engine ages with this ledger's clock").isTrue();
            assertThat(engineWaitsBelow(outside.getTimestamp(), ledger, GenericEventMessage.clock))
                    .as("an event stamped with the other ledger's time would look 300 days old").isFalse();
        } finally {
            unitOfWork.rollback();
            GenericEventMessage.clock = previous;
        }
    }
}
