package cn.fupin.ledger.ops.idempotency;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.ops.consistency.ReadYourWrites;
import cn.fupin.ledger.ops.web.Problems;
import cn.fupin.ledger.ops.web.RequestBodyLimitFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} as the contract says: the same key from the same user with the same request returns the
 * first answer again and records nothing new; the same key with another request is 409
 * {@code IDEMPOTENCY_KEY_REUSED}.
 *
 * <p>The record is claimed at the start of one database transaction, the command's events join that transaction
 * (Axon's unit of work participates in it), and the answer is stored before it commits. So either the events and
 * the record commit together, or neither does: a crash in between cannot leave an effect without its record, and
 * two racing requests with one key collide on the record's primary key, where the loser rolls back whole and then
 * replays the winner's answer. Only successful answers are kept; a refused request may be retried with its key.
 * The request is identified by a keyed hash (never by its body, which may hold personal data).
 */
@Component
@Order(20)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final PersonalDataCipher cipher;
    private final ObjectMapper mapper;

    public IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactionManager,
                             PersonalDataCipher cipher, ObjectMapper mapper) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.cipher = cipher;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || cached(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!key.matches("[\\x21-\\x7E]{1,200}")) {
            Problems.write(response, mapper, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID",
                    "an Idempotency-Key is 1 to 200 visible ASCII characters");
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        // Keys are per user; anonymous callers (an objection to a notice) share no user, so they get no replay.
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String userName = user.getName();
        String hash = requestHash(request, cached(request).body());

        Optional<IdempotencyStore.Record> earlier = store.find(userName, key);
        if (earlier.isPresent()) {
            answer(earlier.get(), hash, response);
            return;
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            transactions.executeWithoutResult(status -> {
                store.claim(userName, key, hash);
                try {
                    chain.doFilter(request, captured);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                int code = captured.getStatus();
                if (code >= 200 && code < 300) {
                    String position = captured.getHeader(ReadYourWrites.HEADER);
                    store.complete(userName, key, code, captured.getContentType(), captured.getContentAsByteArray(),
                            position == null ? null : Long.valueOf(position));
                } else {
                    status.setRollbackOnly();
                }
            });
        } catch (DataIntegrityViolationException | TransientDataAccessException raced) {
            // The claim lost to a request with the same key: a duplicate primary key once the winner committed, or,
            // while the winner still holds its row, a lock wait that timed out (H2 reports that as a query timeout,
            // MariaDB as a lock failure; both are transient).
            Optional<IdempotencyStore.Record> winner = store.find(userName, key);
            captured.resetBuffer();
            if (winner.isPresent() && winner.get().statusCode() != 0) {
                answer(winner.get(), hash, response);
            } else {
                Problems.write(response, mapper, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
                        "a request with this Idempotency-Key is being processed; try again");
            }
            return;
        }
        captured.copyBodyToResponse();
    }

    private static RequestBodyLimitFilter.CachedBodyRequest cached(HttpServletRequest request) {
        return WebUtils.getNativeRequest(request, RequestBodyLimitFilter.CachedBodyRequest.class);
    }

    private void answer(IdempotencyStore.Record earlier, String hash, HttpServletResponse response) throws IOException {
        if (!earlier.requestHash().equals(hash)) {
            Problems.write(response, mapper, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key was used for a different request");
            return;
        }
        if (earlier.statusCode() == 0) {
            Problems.write(response, mapper, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
                    "a request with this Idempotency-Key is being processed; try again");
            return;
        }
        response.setStatus(earlier.statusCode());
        response.setHeader(REPLAYED_HEADER, "true");
        if (earlier.position() != null) {
            response.setHeader(ReadYourWrites.HEADER, Long.toString(earlier.position()));
        }
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        if (earlier.body() != null) {
            response.getOutputStream().write(earlier.body());
        }
    }

    private String requestHash(HttpServletRequest request, byte[] body) {
        String target = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                + "\n" + (request.getContentType() == null ? "" : request.getContentType()) + "\n";
        return cipher.fingerprint("IDEMPOTENT_REQUEST", target + new String(body, StandardCharsets.ISO_8859_1));
    }
}
