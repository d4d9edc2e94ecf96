package cn.fupin.ledger.ops.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many objections one remote address may file: {@code limit} a {@code window} (5 a minute by default:
 * {@code ledger.disclosure.objection-rate-limit}, {@code ledger.disclosure.objection-rate-window}). Each address has a
 * token bucket of Bucket4j holding {@code limit} attempts, filled up again a whole window after the address's first
 * attempt and every window after that; an attempt when it is empty is refused with the time until it is filled.
 * Every attempt counts, refused ones too. (A token bucket, not a sliding window: an address that spends its attempts
 * at the end of one of its windows may spend the next ones at the start of the next, so at most twice the limit in
 * any stretch as long as the window, and never more than the limit a window over time.)
 *
 * <p>The buckets are kept in memory only, never stored or logged, in a Caffeine cache of at most
 * {@value #ADDRESSES_MAX} addresses. A bucket left alone for a whole window is full again, so the cache forgets it
 * then and loses nothing; when more addresses than that are counted at once, the least used are forgotten first,
 * which gives them a full bucket again (somebody who has that many addresses has that many buckets anyway) but never
 * refuses a newcomer. Time is the ledger's clock. One node counts for itself.
 */
@Component
public class ObjectionRateLimit {

    static final int ADDRESSES_MAX = 10_000;

    private final Bandwidth bandwidth;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public ObjectionRateLimit(@Value("${ledger.disclosure.objection-rate-limit:5}") int limit,
                              @Value("${ledger.disclosure.objection-rate-window:1m}") Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("ledger.disclosure.objection-rate-limit is at least 1 in a window of "
                    + "positive length");
        }
        this.bandwidth = Bandwidth.builder().capacity(limit).refillIntervally(limit, window).build();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        Ticker ticker = time::currentTimeNanos;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(ADDRESSES_MAX)
                .expireAfterAccess(window)
                .ticker(ticker)
                // Forgetting happens on the caller's thread, so the bound holds without a background task.
                .executor(Runnable::run)
                .build();
    }

    /** Counts an attempt from the address now: zero when it may go on, otherwise how long until it may. */
    public Duration attempt(String address) {
        Bucket bucket = buckets.get(address, any -> Bucket.builder().addLimit(bandwidth)
                .withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** How many addresses are held now (after the cache has forgotten what it may). */
    long addressesHeld() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
