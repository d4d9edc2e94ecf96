package cn.fupin.ledger.ops.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lockout after failed logins, kept in the {@code login_failures} table (Flyway V18) so that every node of the
 * ledger sharing the database counts the same failures and refuses the same locked names (a lock one node sets holds on
 * the others within {@link #SHARED_STATE_DELAY}): {@code failures} failed logins
 * for one user name within {@code window} lock the name for {@code duration}, and {@code addressFailures} from one
 * remote address, whatever names they try, lock the address (so that one address cannot try one password on every
 * name). While locked, a login is refused before its password is looked at ({@link LoginLockedException}).
 *
 * <p>User names are counted as the user store compares them (without regard to case), made-up ones as well as real
 * ones, so that the answers do not tell which names exist. An IPv6 address is counted by its /64 network, which one
 * client usually holds whole. Time is the system's ({@link LoginClock}).
 *
 * <p>What staff see: each failure is logged (the user name only if it is a configured user: a password typed into the
 * name field is not written down; never the password, never the address) and counted in the metrics
 * {@code ledger.login.failures}, {@code ledger.login.lockouts} and {@code ledger.login.refused} (by {@code lock}); the
 * table shows the names and addresses counting or locked now (docs/operations.md).
 */
public final class LoginFailures {

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);
    /** Ended rows are deleted at most this often per node, by the next failure. */
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);
    private static final int SUBJECT_LENGTH_MAX = 100;
    /**
     * How long a node takes what it last read or wrote of a name's or an address's lock as still true, before it reads
     * the table again: a lock another node set (or an operator removed) is honoured here within this time. Without it
     * every request would read the table, for requests that otherwise need no database at all. A lock this node sets
     * holds here at once; one that ends, ends on time (the end is part of what is kept).
     */
    static final Duration SHARED_STATE_DELAY = Duration.ofSeconds(1);
    private static final int RECENT_MAX = 10_000;

    enum Kind { USERNAME, ADDRESS }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LoginProperties.Lockout policy;
    private final Set<String> staff;
    private final Counter failuresCounted;
    private final MeterRegistry meters;
    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.EPOCH);
    /** What this node last read or wrote of each recent name's and address's lock (elapsed time: the JVM's ticker). */
    private final Cache<String, LockedUntil> recent = Caffeine.newBuilder()
            .expireAfterWrite(SHARED_STATE_DELAY)
            .maximumSize(RECENT_MAX)
            .executor(Runnable::run)
            .build();

    public LoginFailures(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                         LoginProperties.Lockout policy, StaffProperties staff, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.policy = policy;
        this.staff = staff.users().stream().map(user -> VerifiedCredentials.normalised(user.username()))
                .collect(Collectors.toUnmodifiableSet());
        this.meters = meters;
        this.failuresCounted = Counter.builder("ledger.login.failures")
                .description("failed logins (wrong password or unknown user name)").register(meters);
    }

    /**
     * Refuses the login when its user name or its address is locked at {@code now}. Reads the database unless this
     * node read or wrote both within the last {@link #SHARED_STATE_DELAY}.
     */
    public void refuseIfLocked(String username, String address, Instant now) {
        String nameKey = key(Kind.USERNAME, username);
        String addressKey = key(Kind.ADDRESS, address);
        LockedUntil name = recent.getIfPresent(nameKey);
        LockedUntil from = recent.getIfPresent(addressKey);
        if (name == null || from == null) {
            name = LockedUntil.NOT_LOCKED;
            from = LockedUntil.NOT_LOCKED;
            for (Lock found : jdbc.query("SELECT subject_key, locked_until FROM login_failures"
                            + " WHERE subject_key IN (?, ?) AND locked_until > ?",
                    (rs, row) -> new Lock(rs.getString(1).equals(nameKey) ? Kind.USERNAME : Kind.ADDRESS,
                            utc(rs.getObject(2, LocalDateTime.class))),
                    nameKey, addressKey, utc(now))) {
                if (found.kind() == Kind.USERNAME) {
                    name = new LockedUntil(found.until());
                } else {
                    from = new LockedUntil(found.until());
                }
            }
            recent.put(nameKey, name);
            recent.put(addressKey, from);
        }
        Lock lock = name.lockedAt(now) ? new Lock(Kind.USERNAME, name.until())
                : from.lockedAt(now) ? new Lock(Kind.ADDRESS, from.until()) : null;
        if (lock != null) {
            meters.counter("ledger.login.refused", "lock", lock.kind().name().toLowerCase(Locale.ROOT))
                    .increment();
            throw new LoginLockedException(lock.kind() == Kind.USERNAME ? LoginLockedException.Lock.USERNAME
                    : LoginLockedException.Lock.ADDRESS, Duration.between(now, lock.until()));
        }
    }

    /** Counts a failed login (a wrong password or an unknown name) for its user name and its address. */
    public void failed(String username, String address, Instant now) {
        failuresCounted.increment();
        boolean known = staff.contains(VerifiedCredentials.normalised(username));
        String shown = known ? username : null;
        Counted name = count(Kind.USERNAME, username, shown, now, policy.failures());
        Counted from = count(Kind.ADDRESS, address, network(address), now, policy.addressFailures());
        String who = known ? "user '" + printable(username) + "'" : "a user name that is not configured";
        log.info("failed login for {} ({} of {} for the name, {} of {} from its address within {})", who,
                name.after().failures(), policy.failures(), from.after().failures(), policy.addressFailures(),
                policy.window());
        if (name.after().lockedBy(name.before())) {
            meters.counter("ledger.login.lockouts", "lock", "username").increment();
            log.warn("{} is locked until {} after {} failed logins", capitalised(who), name.after().lockedUntil(),
                    name.after().failures());
        }
        if (from.after().lockedBy(from.before())) {
            meters.counter("ledger.login.lockouts", "lock", "address").increment();
            log.warn("an address is locked until {} after {} failed logins (table login_failures)",
                    from.after().lockedUntil(), from.after().failures());
        }
        prune(now);
    }

    /** A name or an address counting failures or locked, for staff ({@code GET /api/audit/login-failures}). */
    public record Counting(String kind, String subject, int failures, Instant windowStartedAt, Instant lockedUntil,
                           Instant lastFailedAt, boolean locked) {
    }

    /**
     * The names and addresses whose window or lock has not ended at {@code now}, the latest failure first; at most
     * {@code limit}. {@code subject} is the configured user name or the address, {@code null} for a name that is not
     * a configured user's.
     */
    public List<Counting> counting(Instant now, int limit) {
        return jdbc.query("SELECT subject_kind, subject, failures, window_started_at, locked_until, last_failed_at"
                        + " FROM login_failures WHERE window_started_at > ? OR locked_until > ?"
                        + " ORDER BY last_failed_at DESC, subject_key LIMIT ?",
                (rs, row) -> {
                    Instant until = utc(rs.getObject(5, LocalDateTime.class));
                    return new Counting(rs.getString(1), rs.getString(2), rs.getInt(3),
                            utc(rs.getObject(4, LocalDateTime.class)), until, utc(rs.getObject(6, LocalDateTime.class)),
                            until != null && now.isBefore(until));
                }, utc(now.minus(policy.window())), utc(now), limit);
    }

    /** A password check passed: the name's failures are forgotten (its address's are not). */
    public void succeeded(String username) {
        String key = key(Kind.USERNAME, username);
        jdbc.update("DELETE FROM login_failures WHERE subject_key = ?", key);
        recent.put(key, LockedUntil.NOT_LOCKED);
    }

    private Counted count(Kind kind, String subject, String shown, Instant now, int max) {
        String key = key(kind, subject);
        try {
            return countOnce(kind, key, shown, now, max);
        } catch (DuplicateKeyException anotherNodeInsertedFirst) {
            return countOnce(kind, key, shown, now, max);
        }
    }

    private Counted countOnce(Kind kind, String key, String shown, Instant now, int max) {
        Counted counted = transactions.execute(status -> {
            List<FailureCount> found = jdbc.query("SELECT failures, window_started_at, locked_until"
                            + " FROM login_failures WHERE subject_key = ? FOR UPDATE",
                    (rs, row) -> new FailureCount(rs.getInt(1), utc(rs.getObject(2, LocalDateTime.class)),
                            utc(rs.getObject(3, LocalDateTime.class))), key);
            FailureCount before = found.isEmpty() ? FailureCount.NONE : found.get(0);
            FailureCount after = before.after(now, max, policy.window(), policy.duration());
            if (found.isEmpty()) {
                jdbc.update("INSERT INTO login_failures (subject_key, subject_kind, subject, failures,"
                                + " window_started_at, locked_until, last_failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        key, kind.name(), truncated(shown), after.failures(), utc(after.windowStartedAt()),
                        utc(after.lockedUntil()), utc(now));
            } else {
                jdbc.update("UPDATE login_failures SET failures = ?, window_started_at = ?, locked_until = ?,"
                                + " last_failed_at = ? WHERE subject_key = ?", after.failures(),
                        utc(after.windowStartedAt()), utc(after.lockedUntil()), utc(now), key);
            }
            return new Counted(before, after);
        });
        recent.put(key, new LockedUntil(counted.after().lockedUntil()));
        return counted;
    }

    /** Deletes rows whose window and lock have both ended, at most once a minute per node. */
    private void prune(Instant now) {
        Instant last = lastPruned.get();
        if (now.isBefore(last.plus(PRUNE_INTERVAL)) || !lastPruned.compareAndSet(last, now)) {
            return;
        }
        jdbc.update("DELETE FROM login_failures WHERE window_started_at < ? AND (locked_until IS NULL"
                + " OR locked_until < ?)", utc(now.minus(policy.window())), utc(now));
    }

    /**
     * The row's key: a SHA-256 of what is counted, so that any user name, however long or whatever its characters,
     * makes a key of one length that every database compares byte for byte.
     */
    static String key(Kind kind, String subject) {
        String counted = kind == Kind.USERNAME ? VerifiedCredentials.normalised(subject) : network(subject);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((kind.name() + "\0" + counted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network; anything else as given. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        try {
            // A literal: no name is looked up.
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]")
                    .getAddress();
            if (bytes.length != 16) {
                return address;
            }
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }

    private static String truncated(String shown) {
        return shown == null || shown.length() <= SUBJECT_LENGTH_MAX ? shown : shown.substring(0, SUBJECT_LENGTH_MAX);
    }

    /** A configured user name for the log, without line breaks or other control characters. */
    private static String printable(String username) {
        return username.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private record Lock(Kind kind, Instant until) {
    }

    /** A name's or an address's failures before and after one more. */
    private record Counted(FailureCount before, FailureCount after) {
    }

    /** A name's or an address's lock as last seen: its end, or {@code null} when not locked. */
    private record LockedUntil(Instant until) {

        static final LockedUntil NOT_LOCKED = new LockedUntil(null);

        boolean lockedAt(Instant now) {
            return until != null && now.isBefore(until);
        }
    }
}
