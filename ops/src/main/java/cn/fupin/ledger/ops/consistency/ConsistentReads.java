package cn.fupin.ledger.ops.consistency;

import cn.fupin.ledger.ops.disclosure.ReadModelProgress;
import cn.fupin.ledger.ops.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read your writes, the reading half: a {@code GET} under {@code /api/} with {@code ?consistentWith=<position>} (the
 * {@code Ledger-Position} of an earlier answer, {@link ReadYourWrites}) is answered once every read model the API
 * answers from ({@link ReadModelGroups#API}) has processed the event at that position, on whichever node runs it
 * ({@link ReadModelProgress#hasProcessed}). It waits at most {@code ledger.http.consistent-with-wait} (5 s by
 * default), then answers 503 {@code READ_MODELS_BEHIND} with {@code Retry-After}; a position the store holds no event at
 * is 400 {@code CONSISTENT_WITH_UNKNOWN}, one that is not a number 400 {@code CONSISTENT_WITH_INVALID}.
 *
 * <p>After Spring Security's filters (order 25 against its -100): an unauthenticated or forbidden read is refused
 * before it can make the server wait.
 */
@Component
@Order(25)
public class ConsistentReads extends OncePerRequestFilter {

    static final String PARAMETER = "consistentWith";

    private final ReadModelProgress progress;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final Duration wait;
    private final List<String> groups;

    ConsistentReads(ReadModelProgress progress, JdbcTemplate jdbc, ObjectMapper mapper,
                    @Value("${ledger.http.consistent-with-wait:5s}") Duration wait) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.wait = wait;
        this.groups = ReadModelGroups.API;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !request.getRequestURI().startsWith("/api/")
                || request.getParameter(PARAMETER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getParameter(PARAMETER);
        if (!given.matches("[1-9][0-9]{0,17}")) {
            Problems.write(response, mapper, HttpStatus.BAD_REQUEST, "CONSISTENT_WITH_INVALID",
                    PARAMETER + " is the Ledger-Position of an earlier answer: a positive whole number");
            return;
        }
        long position = Long.parseLong(given);
        Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index = ?",
                Integer.class, position);
        if (stored == null || stored == 0) {
            Problems.write(response, mapper, HttpStatus.BAD_REQUEST, "CONSISTENT_WITH_UNKNOWN",
                    "the ledger holds no event at position " + position);
            return;
        }
        SortedSet<String> behind = progress.awaitProcessed(groups, position, wait);
        if (!behind.isEmpty()) {
            response.setHeader("Retry-After", "1");
            Problems.write(response, mapper, HttpStatus.SERVICE_UNAVAILABLE, "READ_MODELS_BEHIND",
                    "the read models " + behind + " had not processed position " + position + " after " + wait
                            + "; try again");
            return;
        }
        chain.doFilter(request, response);
    }
}
