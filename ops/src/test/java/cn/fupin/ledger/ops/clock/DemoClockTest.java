package cn.fupin.ledger.ops.clock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo profile's clock on its own, on a database made by the Flyway scripts themselves (V1 the event store, V8 the
 * clock, V13 its moves): the system clock plus an offset that only grows, stored so that a new clock on the same
 * database (a restart) goes on from where it was. A fresh demo ledger that loads the demo county starts its clock in
 * early 2015, before anything is recorded on it; every move after that goes forward and is recorded.
 */
class DemoClockTest {

    static final List<Path> SCRIPTS = List.of(Path.of("src/main/resources/db/migration/V1__axon_event_store.sql"),
            Path.of("src/main/resources/db/migration/V8__notices.sql"),
            Path.of("src/main/resources/db/migration/V13__demo_clock_moves.sql"));
    static final Instant SYSTEM_NOW = Instant.parse("2026-12-04T02:00:00Z");
    static final Instant HISTORY_START = Instant.parse("2015-01-05T01:00:00Z");
    static final AtomicInteger DATABASES = new AtomicInteger();

    JdbcTemplate jdbc;
    DataSourceTransactionManager transactions;

    @BeforeEach
    void database() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:demo-clock-" + DATABASES.incrementAndGet() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        SCRIPTS.forEach(script -> new ResourceDatabasePopulator(new FileSystemResource(script)).execute(dataSource));
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    DemoClock started() {
        return started(null);
    }

    /** A clock started (or restarted) on the database, at the system's time {@link #SYSTEM_NOW}. */
    DemoClock started(Instant startsAt) {
        DemoClock clock = new DemoClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC), jdbc, transactions, startsAt);
        clock.afterSingletonsInstantiated();
        return clock;
    }

    List<Map<String, Object>> moves() {
        return jdbc.queryForList("SELECT from_time, to_time, moved_by FROM demo_clock_move ORDER BY move_no");
    }

    void recordAnEvent() {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, payload, payload_type, time_stamp, "
                + "aggregate_identifier, sequence_number) VALUES ('e-1', X'7B7D', 'x', '2026-12-04T02:00:00Z', 'a-1', 0)");
    }

    @Test
    void aNewDemoClockShowsTheSystemsTime() {
        assertThat(started().instant()).isEqualTo(SYSTEM_NOW);
    }

    @Test
    void advancingMovesTheClockForwardByWholeDays() {
        DemoClock clock = started();

        assertThat(clock.advance(1, "approver")).isEqualTo(Duration.ofDays(1));
        clock.advance(10, "auditor");

        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofDays(11)));
        assertThat(jdbc.queryForObject("SELECT changed_by FROM demo_clock WHERE clock_id = 1", String.class))
                .isEqualTo("auditor");
    }

    @Test
    void aRestartedLedgerKeepsTheOffset() {
        started().advance(11, "approver");

        DemoClock afterRestart = started();

        assertThat(afterRestart.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofDays(11)));
        assertThat(afterRestart.offset()).isEqualTo(Duration.ofDays(11));
    }

    @Test
    void theClockNeverMovesBackNorByMoreThanAYearAtOnce() {
        DemoClock clock = started();

        assertThatThrownBy(() -> clock.advance(0, "approver")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(-1, "approver")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(366, "approver")).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
    }

    @Test
    void theClockIsNeverMoreThanTenYearsAheadAndARefusedMoveLeavesItWhereItWas() {
        DemoClock clock = started();
        for (int i = 0; i < 10; i++) {
            clock.advance(365, "approver");
        }

        assertThatThrownBy(() -> clock.advance(1, "approver")).isInstanceOf(DemoClock.OffsetLimitReached.class);

        assertThat(clock.offset()).isEqualTo(Duration.ofDays(3_650));
        assertThat(started().offset()).isEqualTo(Duration.ofDays(3_650));
    }

    @Test
    void aFreshLedgerThatLoadsTheDemoStartsItsClockAtTheStartOfTheDemosHistory() {
        DemoClock clock = started(HISTORY_START);

        assertThat(clock.instant()).isEqualTo(HISTORY_START);
        assertThat(clock.offset()).isEqualTo(Duration.between(SYSTEM_NOW, HISTORY_START)).isNegative();
        assertThat(moves()).singleElement().satisfies(move -> {
            assertThat(move.get("from_time")).as("nothing was recorded on the ledger's time before").isNull();
            assertThat(move.get("moved_by")).isEqualTo(DemoClock.STARTED_BY);
        });
        assertThat(started().instant()).as("after a restart").isEqualTo(HISTORY_START);
    }

    @Test
    void aLedgerThatHasRecordedAnythingIsNeverSetBackToTheStart() {
        recordAnEvent();

        DemoClock clock = started(HISTORY_START);

        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
        assertThat(moves()).isEmpty();
    }

    @Test
    void aClockThatWasMovedOnceIsNeverStartedAgain() {
        started(HISTORY_START).advance(30, "approver");

        DemoClock restarted = started(HISTORY_START);

        assertThat(restarted.instant()).isEqualTo(HISTORY_START.plus(Duration.ofDays(30)));
        assertThat(moves()).hasSize(2);
        DemoClock unstarted = started();
        unstarted.advance(1, "approver");
        assertThat(started(HISTORY_START).instant()).isEqualTo(HISTORY_START.plus(Duration.ofDays(31)));
    }

    @Test
    void theLoaderMovesTheClockForwardToADateAndNeverBack() {
        DemoClock clock = started(HISTORY_START);
        Instant spring = Instant.parse("2015-03-09T02:00:00Z");

        assertThat(clock.advanceTo(spring, "system:demo-loader")).isTrue();
        assertThat(clock.advanceTo(Instant.parse("2015-03-01T02:00:00Z"), "system:demo-loader")).isFalse();
        assertThat(clock.advanceTo(spring, "system:demo-loader")).isFalse();

        assertThat(clock.instant()).isEqualTo(spring);
        assertThat(moves()).hasSize(2).last().satisfies(move -> assertThat(move.get("moved_by"))
                .isEqualTo("system:demo-loader"));
    }

    @Test
    void atTheEndOfTheHistoryTheClockJumpsToTheSystemsTimeAndShowsItFromThenOn() {
        DemoClock clock = started(HISTORY_START);
        clock.advanceTo(Instant.parse("2016-12-09T02:00:00Z"), "system:demo-loader");

        assertThat(clock.advanceToSystemTime("system:demo-loader")).isTrue();
        assertThat(clock.advanceToSystemTime("system:demo-loader")).as("there already").isFalse();

        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
        assertThat(clock.offset()).isZero();
        assertThat(started().offset()).isZero();
    }

    @Test
    void everyMoveIsRecordedFromTheLedgersTimeBeforeToItsTimeAfter() {
        DemoClock clock = started(HISTORY_START);
        clock.advanceTo(Instant.parse("2015-03-09T02:00:00Z"), "system:demo-loader");
        clock.advance(11, "approver");

        List<Map<String, Object>> moves = moves();

        assertThat(moves).hasSize(3);
        assertThat(moves.get(2).get("from_time").toString()).startsWith("2015-03-09 02:00:00");
        assertThat(moves.get(2).get("to_time").toString()).startsWith("2015-03-20 02:00:00");
        assertThat(moves.get(2).get("moved_by")).isEqualTo("approver");
        for (Map<String, Object> move : moves.subList(1, moves.size())) {
            assertThat(move.get("to_time").toString()).isGreaterThan(move.get("from_time").toString());
        }
    }

    @Test
    void theClockStartsAndMovesToTheSecondAskedForOrJustAfterItNeverBeforeIt() {
        Instant systemNow = SYSTEM_NOW.plusMillis(850);
        DemoClock clock = new DemoClock(Clock.fixed(systemNow, ZoneOffset.UTC), jdbc, transactions, HISTORY_START);
        clock.afterSingletonsInstantiated();

        assertThat(clock.instant()).isBetween(HISTORY_START, HISTORY_START.plusSeconds(1));
        Instant spring = Instant.parse("2015-03-09T02:00:00Z");
        clock.advanceTo(spring, "system:demo-loader");
        assertThat(clock.instant()).isBetween(spring, spring.plusSeconds(1));
    }

    @Test
    void aClockAheadOfTheSystemsTimeIsNotMovedBackToIt() {
        DemoClock clock = started();
        clock.advance(11, "approver");

        assertThat(clock.advanceToSystemTime("system:demo-loader")).isFalse();

        assertThat(clock.offset()).isEqualTo(Duration.ofDays(11));
    }

    @Test
    void theLoaderCannotTakeTheClockMoreThanTenYearsAheadEither() {
        DemoClock clock = started();

        assertThatThrownBy(() -> clock.advanceTo(SYSTEM_NOW.plus(Duration.ofDays(3_651)), "system:demo-loader"))
                .isInstanceOf(DemoClock.OffsetLimitReached.class);
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
    }
}
