package cn.fupin.ledger.ops.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-address limit on objections, counted in a sliding window, on a clock the test sets. */
class ObjectionRateLimitFilterTest {

    static final long T0 = Instant.parse("2095-05-04T02:00:00Z").toEpochMilli();

    /** Stands in for the pages of ops.disclosure: writes the refusal's status, code and wait as plain text. */
    static final FormRefusalPages FORM_PAGES = (request, response, status, code, retryAfterSeconds) -> {
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("page " + code + " " + retryAfterSeconds);
    };

    ObjectionRateLimitFilter filter(int limit) {
        return new ObjectionRateLimitFilter(limit, Duration.ofMinutes(1), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                new ObjectMapper(), FORM_PAGES);
    }

    @Test
    void fiveObjectionsAMinuteAreTakenAndTheSixthWaitsUntilTheFirstIsAMinuteOld() {
        ObjectionRateLimitFilter filter = filter(5);
        for (int i = 0; i < 5; i++) {
            assertThat(filter.attempt("10.0.0.1", T0 + i * 1_000)).isZero();
        }

        assertThat(filter.attempt("10.0.0.1", T0 + 10_000)).isEqualTo(50_000);
        assertThat(filter.attempt("10.0.0.1", T0 + 59_999)).isEqualTo(1);
        assertThat(filter.attempt("10.0.0.1", T0 + 60_000)).isZero();
        assertThat(filter.attempt("10.0.0.2", T0 + 10_000)).as("another address counts alone").isZero();
    }

    @Test
    void refusedAttemptsDoNotExtendTheWait() {
        ObjectionRateLimitFilter filter = filter(1);
        assertThat(filter.attempt("10.0.0.1", T0)).isZero();
        for (int i = 1; i < 60; i++) {
            assertThat(filter.attempt("10.0.0.1", T0 + i * 1_000)).isPositive();
        }
        assertThat(filter.attempt("10.0.0.1", T0 + 60_000)).isZero();
    }

    @Test
    void whenTooManyAddressesAreCountedANewOneWaitsUntilSomeAgeOut() {
        ObjectionRateLimitFilter filter = filter(5);
        for (int i = 0; i < ObjectionRateLimitFilter.ADDRESSES_MAX; i++) {
            assertThat(filter.attempt("10.1." + (i / 256) + "." + (i % 256), T0)).isZero();
        }

        assertThat(filter.attempt("10.9.9.9", T0 + 1_000)).isPositive();
        assertThat(filter.attempt("10.9.9.9", T0 + 60_000)).isZero();
    }

    @Test
    void theSixthObjectionIsAnswered429InProblemJsonAndOtherPathsAreNotCounted() throws Exception {
        ObjectionRateLimitFilter filter = new ObjectionRateLimitFilter(1, Duration.ofMinutes(1),
                Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC), new ObjectMapper(), FORM_PAGES);
        assertThat(post(filter, "/disclosure/notices/NTC-1/objections").getStatus()).isEqualTo(200);
        assertThat(post(filter, "/api/notices").getStatus()).isEqualTo(200);
        assertThat(post(filter, "/disclosure/notices/NTC-1").getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = post(filter, "/disclosure/notices/NTC-2/objections");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void aFormPostedFromANoticesPageIsAnsweredWithAPageForPeopleNotProblemJson() throws Exception {
        ObjectionRateLimitFilter filter = new ObjectionRateLimitFilter(1, Duration.ofMinutes(1),
                Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC), new ObjectMapper(), FORM_PAGES);
        assertThat(post(filter, "/disclosure/notices/NTC-1/objections", "application/x-www-form-urlencoded")
                .getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = post(filter, "/disclosure/notices/NTC-1/objections",
                "application/x-www-form-urlencoded;charset=UTF-8");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("text/html");
        assertThat(refused.getContentAsString()).isEqualTo("page RATE_LIMITED 60");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void aLimitBelowOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ObjectionRateLimitFilter(0, Duration.ofMinutes(1), Clock.systemUTC(),
                new ObjectMapper(), FORM_PAGES)).isInstanceOf(IllegalArgumentException.class);
    }

    static MockHttpServletResponse post(ObjectionRateLimitFilter filter, String path) throws Exception {
        return post(filter, path, "application/json");
    }

    static MockHttpServletResponse post(ObjectionRateLimitFilter filter, String path, String contentType)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(contentType);
        request.setRemoteAddr("10.0.0.1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
