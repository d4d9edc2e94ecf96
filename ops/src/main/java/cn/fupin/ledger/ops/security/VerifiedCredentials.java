package cn.fupin.ledger.ops.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passwords that passed the password check (bcrypt) in the last {@code ttl}, so that the next requests of the same
 * user with the same password are let in without hashing it again: HTTP Basic sends the password with every request,
 * and one bcrypt check takes tens of milliseconds of a core.
 *
 * <p>Nothing here holds a password. Each entry is, for one user name, an HMAC-SHA-256 of the user name and the
 * password under a key drawn at random when the process starts (never stored, never logged, gone with the process),
 * the HMAC of the user's stored (encoded) password at the time of the check, and when the check passed. A request is
 * let in only when its digest equals the entry's, compared in constant time ({@link MessageDigest#isEqual}), the user's
 * stored password is still the one checked, and the entry is younger than {@code ttl}; anything else goes to the
 * password check as if there were no entry. So:
 * <ul>
 *   <li>a different password never matches an entry (it would take an HMAC collision), and a wrong password is never
 *       remembered: only passed checks are;</li>
 *   <li>the entries are at most one per user that logged in, so a flood of made-up user names or passwords adds none;
 *       {@code maxEntries} bounds them besides (the least recently used go first);</li>
 *   <li>the digest of every presented password is computed whether or not its user has an entry, so the time taken
 *       before the password check does not tell whether somebody logged in lately;</li>
 *   <li>a changed or removed password takes effect at the next request once the user store shows it, and after
 *       {@code ttl} at the latest (docs/operations.md).</li>
 * </ul>
 * User names are compared as the user store compares them: without regard to case.
 */
public final class VerifiedCredentials {

    private static final String HMAC = "HmacSHA256";

    private final Duration ttl;
    private final LoginClock clock;
    private final SecretKeySpec key;
    private final Cache<String, Entry> entries;

    public VerifiedCredentials(Duration ttl, int maxEntries, LoginClock clock) {
        this.ttl = ttl;
        this.clock = clock;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, HMAC);
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                // Forgetting happens on the caller's thread, so the bound holds without a background task.
                .executor(Runnable::run)
                .build();
    }

    /** Whether passwords are remembered at all ({@code ttl} is not zero). */
    public boolean enabled() {
        return !(ttl.isNegative() || ttl.isZero());
    }

    /** The digest of presented credentials, to look up and then, if the password check passes, to remember. */
    public byte[] digest(String username, String password) {
        byte[] name = normalised(username).getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        // The name's length first, so that no other split of the same bytes into name and password gives this input.
        return hmac(ByteBuffer.allocate(4 + name.length + 1 + secret.length)
                .putInt(name.length).put(name).put((byte) 0).put(secret).array());
    }

    /**
     * Whether {@code digest} (of {@link #digest}) is that of a password that passed the check for this user within the
     * last {@code ttl}, while the user's stored password was {@code storedPassword}, as it still is.
     */
    public boolean verified(String username, byte[] digest, String storedPassword) {
        if (!enabled()) {
            return false;
        }
        Entry entry = entries.getIfPresent(normalised(username));
        if (entry == null) {
            return false;
        }
        Instant now = clock.now();
        // A system clock set back (before the check) counts as expired too.
        if (now.isBefore(entry.verifiedAt()) || !now.isBefore(entry.verifiedAt().plus(ttl))) {
            entries.asMap().remove(normalised(username), entry);
            return false;
        }
        boolean samePassword = MessageDigest.isEqual(entry.digest(), digest);
        boolean sameStored = MessageDigest.isEqual(entry.stored(), stored(storedPassword));
        return samePassword & sameStored;
    }

    /** Remembers that the password of {@code digest} passed the check against {@code storedPassword} now. */
    public void remember(String username, byte[] digest, String storedPassword) {
        if (enabled()) {
            entries.put(normalised(username), new Entry(digest.clone(), stored(storedPassword), clock.now()));
        }
    }

    /** Forgets the user's checked password: the next request goes to the password check. */
    public void forget(String username) {
        entries.invalidate(normalised(username));
    }

    /** How many users' checked passwords are held now. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private byte[] stored(String storedPassword) {
        return hmac(("stored\0" + (storedPassword == null ? "" : storedPassword)).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] hmac(byte[] input) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    /** As the user store keys its users (InMemoryUserDetailsManager): lower case. */
    static String normalised(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private record Entry(byte[] digest, byte[] stored, Instant verifiedAt) {
    }
}
