package cn.fupin.ledger.ops.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
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
 * <p>A demo ledger that loads the demo county reads like the county's history: given {@code startsAt}, a fresh ledger
 * (no event recorded, the clock never moved) starts its clock there, in early 2015, before anything is recorded on
 * it (the offset is then negative); the loader walks it forward date by date ({@link #advanceTo}) and ends at the
 * system's time. Setting the clock back is never allowed once anything may have been stamped with it. Every move is
 * recorded in {@code demo_clock_move} (Flyway V13), in the same transaction as the new offset.
 *
 * <p>One node: another node running the demo on the same database would not see an advance until restarted. The demo
 * is a single process.
 */
public class DemoClock extends Clock implements SmartInitializingSingleton {

    /** One advance moves the clock by 1 to this many days. */
    public static final int ADVANCE_DAYS_MAX = 365;
    /** The clock is never more than this many days ahead of the system clock. */
    public static final long OFFSET_DAYS_MAX = 3_650;
    /** Who the start of a fresh demo ledger's clock is recorded as. */
    public static final String STARTED_BY = "system:demo-clock";

    private static final Logger log = LoggerFactory.getLogger(DemoClock.class);
    private static final long SECONDS_PER_DAY = 86_400L;

    private final Clock system;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Instant startsAt;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    /** The forward moves of the last while: {system time of the move in ms, seconds moved}, oldest first. */
    private final Deque<long[]> recentMoves = new ConcurrentLinkedDeque<>();

    public DemoClock(Clock system, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(system, jdbc, transactionManager, null);
    }

    /**
     * @param startsAt where a fresh ledger's clock starts (the demo county's history begins there), or {@code null} to
     *                 start at the system's time
     */
    public DemoClock(Clock system, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                     Instant startsAt) {
        this.system = system;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.startsAt = startsAt;
    }

    /** Reads the stored offset once the migrations have run (they run while the beans are made). */
    @Override
    public void afterSingletonsInstantiated() {
        load();
        if (startsAt != null) {
            start(startsAt);
        }
    }

    void load() {
        Long seconds = jdbc.queryForObject("SELECT offset_seconds FROM demo_clock WHERE clock_id = 1", Long.class);
        offset.set(Duration.ofSeconds(seconds == null ? 0 : seconds));
        if (!offset.get().isZero()) {
            log.warn("the demo clock is {}", relativeToSystem());
        }
    }

    /**
     * Starts a fresh ledger's clock at {@code start}: only while no event has been recorded and the clock has never
     * been moved, so that nothing was ever stamped with, scheduled for or decided by the time it replaces. Returns
     * whether it started; anywhere else the clock goes on from where it was.
     */
    boolean start(Instant start) {
        Long stored = transactions.execute(status -> {
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT offset_seconds, changed_at FROM demo_clock WHERE clock_id = 1 FOR UPDATE");
            boolean moved = row.get("changed_at") != null || ((Number) row.get("offset_seconds")).longValue() != 0;
            if (moved || Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM domain_event_entry)", Boolean.class))) {
                return null;
            }
            Instant systemNow = system.instant();
            long after = secondsUntil(systemNow, start);
            store(after, systemNow, null, systemNow.plusSeconds(after), STARTED_BY);
            return after;
        });
        if (stored == null) {
            return false;
        }
        offset.set(Duration.ofSeconds(stored));
        log.warn("the demo ledger's clock starts at {}, where the history to be loaded begins ({}); the loader walks"
                + " it forward", instant(), relativeToSystem());
        return true;
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

    /** "11 days ahead of the system clock", "4,351 days behind the system clock": for the log. */
    private String relativeToSystem() {
        long days = offset.get().toDays();
        return String.format("%,d days %s the system clock", Math.abs(days), days < 0 ? "behind" : "ahead of");
    }

    /** How far the clock is ahead of the system clock (negative while it is behind). */
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
            long before = storedOffsetForUpdate();
            long after = Math.addExact(before, seconds);
            Instant systemNow = system.instant();
            store(after, systemNow, systemNow.plusSeconds(before), systemNow.plusSeconds(after), by);
            return after;
        });
        moveTo(stored);
        log.warn("{} moved the demo clock forward by {} days; it is now {} ({})", by, days, instant(),
                relativeToSystem());
        return offset.get();
    }

    /**
     * Moves the clock forward to {@code target} (or up to a second past it: the offset is whole seconds), stored before
     * it takes effect; returns whether it moved. A target the clock has reached already leaves it where it is: time
     * never moves back. Refused when the clock would be more than {@value #OFFSET_DAYS_MAX} days ahead
     * ({@link OffsetLimitReached}, and nothing moves). For the demo loader, which walks the clock through the county's
     * history; people move it by days.
     */
    public boolean advanceTo(Instant target, String by) {
        return moveForward(systemNow -> secondsUntil(systemNow, target), by);
    }

    /**
     * Sets the offset to {@code afterSeconds}, recording the move first: a reader of {@link #instantLessJumpsWithin}
     * that sees the new offset then always sees the move too (it reads the offset before the moves). The other order
     * let a processor fetching at that moment see the jump uncompensated, take the events of the last minutes for days
     * old and drop the gaps below them (a read model then never had an event committed late). Callers hold the lock.
     */
    private void moveTo(long afterSeconds) {
        long millis = system.millis();
        recentMoves.addLast(new long[] {millis, afterSeconds - offset.get().getSeconds()});
        offset.set(Duration.ofSeconds(afterSeconds));
        // Kept for a day of the system's time: longer than any gap timeout.
        for (long[] move = recentMoves.peekFirst(); move != null && move[0] < millis - SECONDS_PER_DAY * 1000;
             move = recentMoves.peekFirst()) {
            recentMoves.pollFirst();
        }
    }

    /**
     * How far the clock moved forward during the last {@code span} of the system's time (at most a day back): what
     * the storage engine takes off the ledger's time while it ages gaps, so that a move does not make the events of
     * the last minutes look days old ({@code cn.fupin.ledger.ops.axon.LedgerTimeGaps}).
     */
    public Duration jumpedWithin(Duration span) {
        long since = system.millis() - span.toMillis();
        long seconds = 0;
        // Newest first, stopping at the first move before the span: a reading walks only the moves within it (it runs
        // for every event a processor fetches), not the day of moves kept.
        for (Iterator<long[]> moves = recentMoves.descendingIterator(); moves.hasNext(); ) {
            long[] move = moves.next();
            if (move[0] < since) {
                break;
            }
            seconds += move[1];
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * The ledger's time less the moves of the last {@code span} of the system's time: the ledger time that many
     * minutes of the system's time would have reached without them, which is how the storage engine ages gaps. Safe
     * against a move at the same moment: the offset is read before the moves, and a move is recorded before it takes
     * effect, so a move either counts on both sides or only in the moves (which reads earlier, and only keeps a gap
     * longer).
     */
    public Instant instantLessJumpsWithin(Duration span) {
        Duration current = offset.get();
        Instant systemNow = system.instant();
        return systemNow.plus(current).minus(jumpedWithin(span));
    }

    /** The whole seconds from {@code from} to {@code to}, rounded up: an offset that shows {@code to} or just after. */
    private static long secondsUntil(Instant from, Instant to) {
        Duration ahead = Duration.between(from, to);
        return ahead.getNano() == 0 ? ahead.getSeconds() : Math.addExact(ahead.getSeconds(), 1);
    }

    /**
     * Moves a clock that is behind the system's time forward to it (an offset of zero), as the demo loader does at the
     * end of the county's history; returns whether it moved. A clock at or ahead of the system's time stays.
     */
    public boolean advanceToSystemTime(String by) {
        return moveForward(systemNow -> 0L, by);
    }

    /** Moves to the offset (seconds) {@code offsetAt} gives for the system's time now, if that is forward. */
    private synchronized boolean moveForward(ToLongFunction<Instant> offsetAt, String by) {
        Long stored = transactions.execute(status -> {
            long before = storedOffsetForUpdate();
            Instant systemNow = system.instant();
            long after = offsetAt.applyAsLong(systemNow);
            if (after <= before) {
                return null;
            }
            store(after, systemNow, systemNow.plusSeconds(before), systemNow.plusSeconds(after), by);
            return after;
        });
        if (stored == null) {
            return false;
        }
        moveTo(stored);
        log.info("{} moved the demo clock forward to {}", by, instant());
        return true;
    }

    /**
     * One move of the clock, as recorded: when (the system's time), from which ledger time ({@code null} for the start
     * of a fresh demo ledger) to which, and by whom.
     */
    public record Move(long moveNo, Instant movedAt, Instant from, Instant to, String movedBy) {
    }

    /**
     * Every move of the clock, in order. Bounded: a user's move is at least a day and the clock is never more than
     * {@value #OFFSET_DAYS_MAX} days ahead, and the loader makes a few dozen.
     */
    public List<Move> moves() {
        return jdbc.query("SELECT move_no, moved_at, from_time, to_time, moved_by FROM demo_clock_move ORDER BY move_no",
                (rs, row) -> new Move(rs.getLong("move_no"), utc(rs.getObject("moved_at", LocalDateTime.class)),
                        utc(rs.getObject("from_time", LocalDateTime.class)),
                        utc(rs.getObject("to_time", LocalDateTime.class)), rs.getString("moved_by")));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private long storedOffsetForUpdate() {
        Long before = jdbc.queryForObject("SELECT offset_seconds FROM demo_clock WHERE clock_id = 1 FOR UPDATE",
                Long.class);
        return before == null ? 0 : before;
    }

    /** The new offset and the move that made it, in the caller's transaction; refused beyond the limit. */
    private void store(long offsetSeconds, Instant systemNow, Instant from, Instant to, String by) {
        if (offsetSeconds > OFFSET_DAYS_MAX * SECONDS_PER_DAY) {
            throw new OffsetLimitReached();
        }
        jdbc.update("UPDATE demo_clock SET offset_seconds = ?, changed_at = ?, changed_by = ? WHERE clock_id = 1",
                offsetSeconds, utc(systemNow), by);
        jdbc.update("INSERT INTO demo_clock_move (moved_at, from_time, to_time, moved_by) VALUES (?, ?, ?, ?)",
                utc(systemNow), from == null ? null : utc(from), utc(to), by);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
