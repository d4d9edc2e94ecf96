package cn.fupin.ledger.ops.security;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCountTest {

    static final Instant START = Instant.parse("2035-03-01T08:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    static FailureCount failures(FailureCount from, Instant... at) {
        FailureCount count = from;
        for (Instant time : at) {
            count = count.after(time, 5, WINDOW, LOCK);
        }
        return count;
    }

    @Test
    void fiveFailuresWithinTheWindowLockForTheLockPeriod() {
        FailureCount four = failures(FailureCount.NONE, START, START.plusSeconds(60), START.plusSeconds(120),
                START.plusSeconds(180));
        FailureCount five = four.after(START.plusSeconds(240), 5, WINDOW, LOCK);

        assertThat(four.lockedAt(START.plusSeconds(180))).isFalse();
        assertThat(five.lockedBy(four)).isTrue();
        assertThat(five.lockedUntil()).isEqualTo(START.plusSeconds(240).plus(LOCK));
        assertThat(five.lockedAt(START.plusSeconds(240).plus(LOCK).minusMillis(1))).isTrue();
        assertThat(five.lockedAt(START.plusSeconds(240).plus(LOCK))).isFalse();
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() {
        FailureCount count = failures(FailureCount.NONE, START, START.plusSeconds(60), START.plusSeconds(120),
                START.plusSeconds(180), START.plus(WINDOW));

        assertThat(count.failures()).isEqualTo(1);
        assertThat(count.windowStartedAt()).isEqualTo(START.plus(WINDOW));
        assertThat(count.lockedUntil()).isNull();
    }

    @Test
    void aFailureAfterTheLockEndedStartsAFreshWindow() {
        FailureCount locked = failures(FailureCount.NONE, START, START, START, START, START);
        FailureCount after = locked.after(START.plus(LOCK), 5, Duration.ofHours(1), LOCK);

        assertThat(after.failures()).isEqualTo(1);
        assertThat(after.lockedAt(START.plus(LOCK))).isFalse();
    }

    @Test
    void aFailureCountedWhileLockedDoesNotLengthenTheLock() {
        FailureCount locked = failures(FailureCount.NONE, START, START, START, START, START);
        FailureCount raced = locked.after(START.plusSeconds(30), 5, WINDOW, LOCK);

        assertThat(raced.lockedUntil()).isEqualTo(locked.lockedUntil());
        assertThat(raced.lockedBy(locked)).isFalse();
    }

    @Test
    void aClockSetBackStartsAFreshWindow() {
        FailureCount count = failures(FailureCount.NONE, START, START, START);

        assertThat(count.after(START.minusSeconds(1), 5, WINDOW, LOCK).failures()).isEqualTo(1);
    }
}
