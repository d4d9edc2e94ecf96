package cn.fupin.ledger.ops.clock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * The demo profile's clock on its own, on a database made by the Flyway script V8 itself: the system clock plus an
 * offset that only grows, stored so that a new clock on the same database (a restart) goes on from where it was.
 */
class DemoClockTest {

    static final Path V8 = Path.of("src/main/resources/db/migration/V8__notices.sql");
    static final Instant SYSTEM_NOW = Instant.parse("2016-05-04T02:00:00Z");
    static final AtomicInteger DATABASES = new AtomicInteger();

    JdbcTemplate jdbc;
    DataSourceTransactionManager transactions;

    @BeforeEach
    void database() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:demo-clock-" + DATABASES.incrementAndGet() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new FileSystemResource(V8)).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    DemoClock started() {
        DemoClock clock = new DemoClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC), jdbc, transactions);
        clock.afterSingletonsInstantiated();
        return clock;
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
}
