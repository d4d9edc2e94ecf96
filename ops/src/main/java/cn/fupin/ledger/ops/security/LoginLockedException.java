package cn.fupin.ledger.ops.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * A login refused without checking the password, because its user name or its remote address is locked after failed
 * logins: 401 with {@link #code()} and {@code Retry-After} (docs/api.md, "Authentication"). An account status
 * exception, so that no other authentication provider is asked instead.
 */
public final class LoginLockedException extends LockedException {

    private static final long serialVersionUID = 1L;

    /** What is locked: the user name ({@code ACCOUNT_LOCKED}) or the address ({@code ADDRESS_LOCKED}). */
    public enum Lock {
        USERNAME("ACCOUNT_LOCKED", "too many failed logins for this user name; try again later"),
        ADDRESS("ADDRESS_LOCKED", "too many failed logins from this address; try again later");

        private final String code;
        private final String detail;

        Lock(String code, String detail) {
            this.code = code;
            this.detail = detail;
        }
    }

    private final transient Lock lock;
    private final transient Duration remaining;

    LoginLockedException(Lock lock, Duration remaining) {
        super(lock.detail);
        this.lock = lock;
        this.remaining = remaining;
    }

    public String code() {
        return lock.code;
    }

    public String detail() {
        return lock.detail;
    }

    /** Whole seconds until the lock ends, rounded up: the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        long seconds = remaining.getSeconds();
        return remaining.getNano() > 0 ? seconds + 1 : Math.max(seconds, 1);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Refused logins may come by the thousand; their stack is never shown or logged.
        return this;
    }
}
