package cn.fupin.ledger.ops.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's clock in the demo profile: the system clock plus an offset that only ever grows, so that a newcomer can
 * watch publicity periods and deadlines end (API.md, "Demo profile only"). The offset lives in memory and in the
 * {@code demo_clock} table (Flyway V8), read once the application's beans exist, so a restart keeps it. Outside the
 * demo profile the ledger's clock is the system clock itself and this class is not used.
 *
 * <p>One node: another node running the demo on the same database would not see an advance until restarted. The demo
 * is a single process.
 */
public class DemoClock extends Clock implements SmartInitializingSingleton {

    /** One advance moves the clock by 1 to this many days. */
    public static final int ADVANCE_DAYS_MAX = 365;
    /** The clock is never more than this many days ahead of the system clock. */
    public static final long OFFSET_DAYS_MAX = 3_650;

    private static final Logger log = LoggerFactory.getLogger(DemoClock.class);
    private static final long SECONDS_PER_DAY = 86_400L;

    private final Clock system;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public DemoClock(Clock system, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.system = system;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Reads the stored offset once the migrations have run (they run while the beans are made). */
    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    void load() {
        Long seconds = jdbc.queryForObject("SELECT offset_seconds FROM demo_clock WHERE clock_id = 1", Long.class);
        offset.set(Duration.ofSeconds(seconds == null ? 0 : seconds));
        if (!offset.get().isZero()) {
            log.warn("the demo clock is {} days ahead of the system clock", offset.get().toDays());
        }
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        DemoClock demo = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return demo.withZone(other);
            }

            @Override
            public Instant instant() {
                return demo.instant();
            }
        };
    }

    /** The clock would be more than {@value #OFFSET_DAYS_MAX} days ahead of the system clock. */
    public static final class OffsetLimitReached extends RuntimeException {

        private static final long serialVersionUID = 1L;

        OffsetLimitReached() {
            super("the demo clock would be more than " + OFFSET_DAYS_MAX + " days ahead", null, false, false);
        }
    }

    /** How far the clock is ahead of the system clock. */
    public Duration offset() {
        return offset.get();
    }

    /**
     * Moves the clock forward by whole days, stored before it takes effect, and returns the new offset. Refused when
     * the days are not 1 to {@value #ADVANCE_DAYS_MAX} or the clock would be more than {@value #OFFSET_DAYS_MAX} days
     * ahead ({@link OffsetLimitReached}, and nothing moves).
     */
    public synchronized Duration advance(int days, String by) {
        if (days < 1 || days > ADVANCE_DAYS_MAX) {
            throw new IllegalArgumentException("the clock moves forward by 1 to " + ADVANCE_DAYS_MAX + " days");
        }
        long seconds = days * SECONDS_PER_DAY;
        Long stored = transactions.execute(status -> {
            Long before = jdbc.queryForObject("SELECT offset_seconds FROM demo_clock WHERE clock_id = 1 FOR UPDATE",
                    Long.class);
            long after = Math.addExact(before == null ? 0 : before, seconds);
            if (after > OFFSET_DAYS_MAX * SECONDS_PER_DAY) {
                throw new OffsetLimitReached();
            }
            jdbc.update("UPDATE demo_clock SET offset_seconds = ?, changed_at = ?, changed_by = ? WHERE clock_id = 1",
                    after, LocalDateTime.ofInstant(system.instant(), ZoneOffset.UTC), by);
            return after;
        });
        offset.set(Duration.ofSeconds(stored));
        log.warn("{} moved the demo clock forward by {} days; it is now {} ({} days ahead)", by, days, instant(),
                offset.get().toDays());
        return offset.get();
    }
}
