package cn.fupin.ledger.ops.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How logins are checked (docs/operations.md, "Logins"): how long a password checked once is taken again without
 * hashing it ({@code ledger.security.verified-credentials-ttl}, 0 to hash it on every request), how many users'
 * checked passwords are held, and the lockout after failed logins ({@code ledger.security.lockout.*}).
 *
 * @param verifiedCredentialsTtl how long a password that passed the password check is remembered (as a keyed
 *                               digest, never itself) for the next requests of its user; zero turns this off
 * @param verifiedCredentialsMax how many users' checked passwords are remembered at once
 * @param lockout                the lockout after failed logins
 */
@ConfigurationProperties(prefix = "ledger.security")
public record LoginProperties(@DefaultValue("5m") Duration verifiedCredentialsTtl,
                              @DefaultValue("10000") int verifiedCredentialsMax,
                              @DefaultValue Lockout lockout) {

    /** A remembered password is forgotten after an hour at the latest, whatever is configured. */
    static final Duration VERIFIED_CREDENTIALS_TTL_MAX = Duration.ofHours(1);

    public LoginProperties {
        if (verifiedCredentialsTtl.isNegative() || verifiedCredentialsTtl.compareTo(VERIFIED_CREDENTIALS_TTL_MAX) > 0) {
            throw new IllegalArgumentException("ledger.security.verified-credentials-ttl is 0 (off) to 1h");
        }
        if (verifiedCredentialsMax < 1) {
            throw new IllegalArgumentException("ledger.security.verified-credentials-max is at least 1");
        }
    }

    /**
     * @param failures        this many failed logins for one user name within {@code window} lock it
     * @param window          the window failures are counted in, from the first of them
     * @param duration        how long a user name or an address stays locked
     * @param addressFailures this many failed logins from one remote address within {@code window}, whatever the user
     *                        names, lock the address
     */
    public record Lockout(@DefaultValue("5") int failures,
                          @DefaultValue("15m") Duration window,
                          @DefaultValue("15m") Duration duration,
                          @DefaultValue("50") int addressFailures) {

        public Lockout {
            if (failures < 1 || addressFailures < 1) {
                throw new IllegalArgumentException("ledger.security.lockout.failures and address-failures are at least 1");
            }
            if (window.isNegative() || window.isZero() || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("ledger.security.lockout.window and duration are positive");
            }
        }
    }
}
