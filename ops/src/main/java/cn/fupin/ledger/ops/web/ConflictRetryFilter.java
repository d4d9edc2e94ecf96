package cn.fupin.ledger.ops.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Runs a state-changing request again when it lost a race on the event store (two commands appended to one
 * aggregate at once; the loser's transaction rolled back whole, so nothing of it remains). Within one node Axon's
 * aggregate lock keeps most such races away, but not for a request whose transaction outlives the command (one with
 * an Idempotency-Key) nor across nodes. A few attempts with a short random pause, then the client gets 409
 * {@code CONCURRENT_MODIFICATION}. Sits between the body limit (the body is in memory, so it can be read again) and
 * the idempotency filter (each attempt is a transaction of its own).
 */
@Component
@Order(15)
public class ConflictRetryFilter extends OncePerRequestFilter {

    /** Set on the request by the problem handler when a command lost a race. */
    public static final String CONFLICT = ConflictRetryFilter.class.getName() + ".conflict";

    private final int attempts;

    public ConflictRetryFilter(@Value("${ledger.http.conflict-attempts:5}") int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("ledger.http.conflict-attempts is at least 1");
        }
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return WebUtils.getNativeRequest(request, RequestBodyLimitFilter.CachedBodyRequest.class) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        for (int attempt = 1; ; attempt++) {
            request.removeAttribute(CONFLICT);
            chain.doFilter(request, buffered);
            if (request.getAttribute(CONFLICT) == null || attempt >= attempts) {
                break;
            }
            // Forget the lost attempt's answer: a successful attempt leaves the status alone (200 is only implied).
            buffered.resetBuffer();
            buffered.setStatus(HttpServletResponse.SC_OK);
            pause(attempt);
        }
        buffered.copyBodyToResponse();
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }
}
