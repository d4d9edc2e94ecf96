package cn.fupin.ledger.ops.security;

import java.time.Clock;
import java.time.Instant;

/**
 * The time that logins count in: how long a checked password is remembered, when failed logins lock a user name and
 * when the lock ends. It is the system's clock, never the ledger's: in the demo profile the ledger's clock jumps days
 * ahead on request ({@code POST /api/demo/clock}) and starts years back while the demo county is loaded, and a lock
 * that such a jump ended (or a window of failures it emptied) would let somebody who may move the clock undo the
 * lockout. Guessing passwords takes real time, so the lockout counts real time; every node reads its own system clock,
 * kept within a fraction of a second of the others' by NTP, which is far finer than a window of minutes.
 */
public final class LoginClock {

    private final Clock clock;

    public LoginClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }
}
