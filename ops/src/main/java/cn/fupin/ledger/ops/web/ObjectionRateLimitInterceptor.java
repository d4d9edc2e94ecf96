package cn.fupin.ledger.ops.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Applies the {@link ObjectionRateLimit} where an objection is handled: after Spring has chosen the handler of the
 * request, before the handler reads the body. A request counts when Spring routed it to the objection mapping
 * ({@value #OBJECTIONS}, POST: the JSON endpoint and the notice page's form alike), however its path was written —
 * {@code %6Fbjections}, {@code ;jsessionid=…} and whatever else Spring decodes or ignores on its way to the handler
 * — because the decision is Spring's own routing, not a second reading of the raw request URI. A request that
 * Spring does not route there files nothing and is not counted.
 *
 * <p>Past the limit the answer is 429 {@code RATE_LIMITED} with {@code Retry-After} in whole seconds, in
 * problem+json, or as a page in Chinese for a form posted from a notice's page ({@link FormRefusalPages}). A request
 * that the {@link ConflictRetryFilter} runs again after a lost race counts once.
 */
@Component
public class ObjectionRateLimitInterceptor implements HandlerInterceptor {

    /** The path pattern of both objection endpoints (NoticeController, ObjectionFormController). */
    public static final String OBJECTIONS = "/disclosure/notices/{noticeId}/objections";

    private static final String COUNTED = ObjectionRateLimitInterceptor.class.getName() + ".counted";

    private final ObjectionRateLimit limit;
    private final ObjectMapper mapper;
    private final FormRefusalPages formPages;

    /** The form pages are looked up lazily: they belong to the disclosure configuration, made later. */
    public ObjectionRateLimitInterceptor(ObjectionRateLimit limit, ObjectMapper mapper,
                                         @Lazy FormRefusalPages formPages) {
        this.limit = limit;
        this.mapper = mapper;
        this.formPages = formPages;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!"POST".equals(request.getMethod())
                || !OBJECTIONS.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                || request.getAttribute(COUNTED) != null) {
            return true;
        }
        request.setAttribute(COUNTED, Boolean.TRUE);
        Duration wait = limit.attempt(request.getRemoteAddr());
        if (wait.isZero()) {
            return true;
        }
        long retryAfterSeconds = Math.max(1, wait.plusMillis(999).toSeconds());
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        if (FormRefusalPages.isFormPost(request)) {
            formPages.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", retryAfterSeconds);
        } else {
            Problems.write(response, mapper, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "too many objections from your address; try again later");
        }
        return false;
    }
}
