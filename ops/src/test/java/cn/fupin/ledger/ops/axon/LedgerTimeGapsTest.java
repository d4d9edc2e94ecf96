package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.clock.DemoClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
                return systemNow.get();
            }
        };
    }

    @BeforeEach
    void demoClock() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:ledger-time-gaps-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        List.of("V1__axon_event_store.sql", "V8__notices.sql", "V13__demo_clock_moves.sql").forEach(script ->
                new ResourceDatabasePopulator(new FileSystemResource(Path.of("src/main/resources/db/migration", script)))
                        .execute(dataSource));
        ledger = new DemoClock(system(), new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
        ledger.afterSingletonsInstantiated();
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
        assertThat(LedgerTimeGaps.readingEarlierBy(ledger.jumpedWithin(GAP_TIMEOUT),
                () -> gapsAllowedBelow(stamped, eventClock))).isTrue();
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
        assertThat(LedgerTimeGaps.readingEarlierBy(ledger.jumpedWithin(GAP_TIMEOUT),
                () -> gapsAllowedBelow(stamped, eventClock))).isFalse();
    }

    @Test
    void withoutJumpsAGapTimesOutAfterTheGapTimeoutOfSystemTime() {
        Clock eventClock = LedgerTimeGaps.eventClock(ledger);
        Instant stamped = eventClock.instant();
        systemNow.set(SYSTEM_START.plus(GAP_TIMEOUT).minusSeconds(1));
        assertThat(LedgerTimeGaps.readingEarlierBy(ledger.jumpedWithin(GAP_TIMEOUT),
                () -> gapsAllowedBelow(stamped, eventClock))).isTrue();
        systemNow.set(SYSTEM_START.plus(GAP_TIMEOUT).plusSeconds(1));
        assertThat(LedgerTimeGaps.readingEarlierBy(ledger.jumpedWithin(GAP_TIMEOUT),
                () -> gapsAllowedBelow(stamped, eventClock))).isFalse();
    }
}
