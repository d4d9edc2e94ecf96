package cn.fupin.ledger.ops.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Objections are filed without login, so each remote address may file at most {@code limit} of them within any
 * {@code window} (5 a minute by default: {@code ledger.disclosure.objection-rate-limit},
 * {@code ledger.disclosure.objection-rate-window}); past that the answer is 429 {@code RATE_LIMITED} with
 * {@code Retry-After}, in problem+json, or as a page in Chinese for a form posted from a notice's page
 * ({@link FormRefusalPages}). Every attempt counts, refused ones too. Runs before the body is read. Behind a reverse
 * proxy, set {@code server.forward-headers-strategy} so that the remote address is the client's.
 *
 * <p>The addresses are kept in memory only, never stored or logged, and at most {@value #ADDRESSES_MAX} of them: when
 * that many have filed within the window, a new address is refused too until some age out (a limit on the filter's
 * own memory). One node counts for itself.
 */
@Component
@Order(5)
public class ObjectionRateLimitFilter extends OncePerRequestFilter {

    static final int ADDRESSES_MAX = 10_000;
    private static final Pattern OBJECTIONS = Pattern.compile("/disclosure/notices/[^/]+/objections/?");

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final FormRefusalPages formPages;
    private final Map<String, Deque<Long>> attempts = new HashMap<>();

    /** The form pages are looked up lazily: a filter is made before the rest of the ledger it would pull in. */
    public ObjectionRateLimitFilter(@Value("${ledger.disclosure.objection-rate-limit:5}") int limit,
                                    @Value("${ledger.disclosure.objection-rate-window:1m}") Duration window,
                                    Clock clock, ObjectMapper mapper, @Lazy FormRefusalPages formPages) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("ledger.disclosure.objection-rate-limit is at least 1 in a window of "
                    + "positive length");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.mapper = mapper;
        this.formPages = formPages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !OBJECTIONS.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long retryAfterMillis = attempt(request.getRemoteAddr(), clock.millis());
        if (retryAfterMillis > 0) {
            long retryAfterSeconds = Math.max(1, (retryAfterMillis + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            if (FormRefusalPages.isFormPost(request)) {
                formPages.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", retryAfterSeconds);
            } else {
                Problems.write(response, mapper, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                        "too many objections from your address; try again later");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counts an attempt from the address at {@code now}; 0 when it may go on, else the millis until it may. */
    synchronized long attempt(String address, long now) {
        Deque<Long> times = attempts.get(address);
        if (times == null) {
            if (attempts.size() >= ADDRESSES_MAX) {
                forgetExpired(now);
                if (attempts.size() >= ADDRESSES_MAX) {
                    return windowMillis;
                }
            }
            times = new ArrayDeque<>();
            attempts.put(address, times);
        }
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return times.peekFirst() + windowMillis - now;
        }
        times.addLast(now);
        return 0;
    }

    private void forgetExpired(long now) {
        for (Iterator<Deque<Long>> it = attempts.values().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next();
            if (times.isEmpty() || times.peekLast() <= now - windowMillis) {
                it.remove();
            }
        }
    }
}
