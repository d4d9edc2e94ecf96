package cn.fupin.ledger.ops.consistency;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Read your writes, the writing half: a successful (2xx) answer to a request that recorded events carries
 * {@value #HEADER}, the global index of the newest event it recorded. A later read that passes it as
 * {@code ?consistentWith=} waits until the read models have processed it ({@link ConsistentReads}).
 *
 * <p>Set before the body is written, inside the request's transaction when it has one (an {@code Idempotency-Key}
 * wraps the request in one: the lookup then runs on the same connection and sees the uncommitted events, and the
 * header is kept with the answer so that a replay carries it too). The events of one command commit together, and a
 * processor fetches a late transaction's indexes together (its gaps), so a read model that has processed the newest of
 * them has processed them all.
 */
@RestControllerAdvice
public class ReadYourWrites implements ResponseBodyAdvice<Object> {

    public static final String HEADER = "Ledger-Position";

    private final JdbcTemplate jdbc;

    ReadYourWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (response instanceof ServletServerHttpResponse servlet) {
            int status = servlet.getServletResponse().getStatus();
            if (status >= 200 && status < 300) {
                newestStored(WrittenEvents.ofCurrentRequest())
                        .ifPresent(position -> servlet.getServletResponse().setHeader(HEADER, Long.toString(position)));
            }
        }
        return body;
    }

    /** The global index of the newest of these events the store holds (one indexed lookup). */
    private OptionalLong newestStored(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return OptionalLong.empty();
        }
        String marks = String.join(",", Collections.nCopies(eventIds.size(), "?"));
        Long newest = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry WHERE event_identifier IN ("
                + marks + ")", Long.class, eventIds.toArray());
        return newest == null ? OptionalLong.empty() : OptionalLong.of(newest);
    }
}
