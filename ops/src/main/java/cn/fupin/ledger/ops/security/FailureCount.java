package cn.fupin.ledger.ops.security;

import java.time.Duration;
import java.time.Instant;

/**
 * The failed logins of one user name or one remote address: how many within the window that began with the first of
 * them, and until when the name or address is locked. A rule without storage, so that it can be tested with any times
 * ({@link LoginFailures} keeps the counts in the database, for every node).
 *
 * @param failures        failed logins in the window
 * @param windowStartedAt the first failure of the window
 * @param lockedUntil     the end of the lock, or {@code null} while not locked
 */
record FailureCount(int failures, Instant windowStartedAt, Instant lockedUntil) {

    /** Nothing counted yet. */
    static final FailureCount NONE = new FailureCount(0, null, null);

    /**
     * The count after one more failure at {@code now}: {@code max} failures within {@code window} lock for
     * {@code lock}. A window that has passed, or a lock that has ended, starts a new window with this failure, so the
     * lock gives {@code max} fresh attempts when it ends. A failure counted while locked (a request that raced the
     * lock) does not lengthen it.
     */
    FailureCount after(Instant now, int max, Duration window, Duration lock) {
        boolean fresh = windowStartedAt == null
                || now.isBefore(windowStartedAt)
                || !now.isBefore(windowStartedAt.plus(window))
                || (lockedUntil != null && !now.isBefore(lockedUntil));
        int counted = fresh ? 1 : failures + 1;
        Instant started = fresh ? now : windowStartedAt;
        Instant until = fresh ? null : lockedUntil;
        if (until == null && counted >= max) {
            until = now.plus(lock);
        }
        return new FailureCount(counted, started, until);
    }

    /** Whether this failure locked the name or address (it was not locked before). */
    boolean lockedBy(FailureCount before) {
        return lockedUntil != null && !lockedUntil.equals(before.lockedUntil);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
