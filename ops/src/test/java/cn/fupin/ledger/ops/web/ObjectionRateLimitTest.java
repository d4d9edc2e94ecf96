package cn.fupin.ledger.ops.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-address limit on objections, on a clock the test moves, and where it applies. */
class ObjectionRateLimitTest {

    static final Instant T0 = Instant.parse("2095-05-04T02:00:00Z");

    /** Stands in for the pages of ops.disclosure: writes the refusal's status, code and wait as plain text. */
    static final FormRefusalPages FORM_PAGES = (request, response, status, code, retryAfterSeconds) -> {
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("page " + code + " " + retryAfterSeconds);
    };

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {

        private Instant now = T0;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    final TestClock clock = new TestClock();

    ObjectionRateLimit limit(int attempts) {
        return new ObjectionRateLimit(attempts, Duration.ofMinutes(1), clock);
    }

    @Nested
    class TheLimit {

        @Test
        void fiveAttemptsAMinuteAreTakenAndTheSixthWaitsUntilTheAddresssMinuteIsOver() {
            ObjectionRateLimit limit = limit(5);
            for (int i = 0; i < 5; i++) {
                assertThat(limit.attempt("10.0.0.1")).isZero();
                clock.advance(Duration.ofSeconds(1));
            }
            clock.advance(Duration.ofSeconds(5));

            assertThat(limit.attempt("10.0.0.1")).isEqualTo(Duration.ofSeconds(50));
            assertThat(limit.attempt("10.0.0.2")).as("another address counts alone").isZero();
            clock.advance(Duration.ofSeconds(49));
            assertThat(limit.attempt("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
            clock.advance(Duration.ofSeconds(1));
            for (int i = 0; i < 5; i++) {
                assertThat(limit.attempt("10.0.0.1")).as("a new minute, five more").isZero();
            }
            assertThat(limit.attempt("10.0.0.1")).isPositive();
        }

        @Test
        void refusedAttemptsDoNotExtendTheWait() {
            ObjectionRateLimit limit = limit(1);
            assertThat(limit.attempt("10.0.0.1")).isZero();
            for (int i = 1; i < 60; i++) {
                clock.advance(Duration.ofSeconds(1));
                assertThat(limit.attempt("10.0.0.1")).isEqualTo(Duration.ofSeconds(60 - i));
            }
            clock.advance(Duration.ofSeconds(1));
            assertThat(limit.attempt("10.0.0.1")).isZero();
        }

        @Test
        void itHoldsAtMostTenThousandAddressesAndForgetsOnesLeftAloneForAMinute() {
            ObjectionRateLimit limit = limit(5);
            for (int i = 0; i <= ObjectionRateLimit.ADDRESSES_MAX; i++) {
                assertThat(limit.attempt("10.1." + (i / 256) + "." + (i % 256))).isZero();
            }
            assertThat(limit.addressesHeld()).isLessThanOrEqualTo(ObjectionRateLimit.ADDRESSES_MAX);

            assertThat(limit.attempt("10.9.9.9")).as("a newcomer is never refused for want of room").isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(limit.addressesHeld()).isZero();
        }

        @Test
        void forgettingAnAddressLeftAloneForAMinuteGivesItNothingItWouldNotHaveHad() {
            ObjectionRateLimit limit = limit(2);
            assertThat(limit.attempt("10.0.0.1")).isZero();
            assertThat(limit.attempt("10.0.0.1")).isZero();
            clock.advance(Duration.ofSeconds(59));
            assertThat(limit.attempt("10.0.0.1")).as("still in its minute").isEqualTo(Duration.ofSeconds(1));

            clock.advance(Duration.ofMinutes(1));

            assertThat(limit.addressesHeld()).isZero();
            assertThat(limit.attempt("10.0.0.1")).isZero();
            assertThat(limit.attempt("10.0.0.1")).isZero();
            assertThat(limit.attempt("10.0.0.1")).isPositive();
        }

        @Test
        void aLimitBelowOneOrAnEmptyWindowIsRefusedAtStartUp() {
            assertThatThrownBy(() -> new ObjectionRateLimit(0, Duration.ofMinutes(1), clock))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ObjectionRateLimit(5, Duration.ZERO, clock))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class WhereItApplies {

        final ObjectionRateLimitInterceptor interceptor =
                new ObjectionRateLimitInterceptor(limit(1), new ObjectMapper(), FORM_PAGES);

        MockHttpServletResponse post(String routedTo, String contentType) throws Exception {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/anything");
            request.setRemoteAddr("10.0.0.1");
            request.setContentType(contentType);
            if (routedTo != null) {
                request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, routedTo);
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            boolean goesOn = interceptor.preHandle(request, response, new Object());
            assertThat(goesOn).isEqualTo(response.getStatus() == 200);
            return response;
        }

        @Test
        void onlyRequestsRoutedToTheObjectionsAreCounted() throws Exception {
            assertThat(post("/api/notices", "application/json").getStatus()).isEqualTo(200);
            assertThat(post("/disclosure/notices/{noticeId}", "application/json").getStatus()).isEqualTo(200);
            assertThat(post(null, "application/json").getStatus()).isEqualTo(200);
            assertThat(post(ObjectionRateLimitInterceptor.OBJECTIONS, "application/json").getStatus()).isEqualTo(200);

            MockHttpServletResponse refused = post(ObjectionRateLimitInterceptor.OBJECTIONS, "application/json");

            assertThat(refused.getStatus()).isEqualTo(429);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            assertThat(refused.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
            assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        }

        @Test
        void aFormPostedFromANoticesPageIsAnsweredWithAPageForPeopleNotProblemJson() throws Exception {
            assertThat(post(ObjectionRateLimitInterceptor.OBJECTIONS, "application/x-www-form-urlencoded")
                    .getStatus()).isEqualTo(200);

            MockHttpServletResponse refused = post(ObjectionRateLimitInterceptor.OBJECTIONS,
                    "application/x-www-form-urlencoded;charset=UTF-8");

            assertThat(refused.getStatus()).isEqualTo(429);
            assertThat(refused.getContentAsString()).isEqualTo("page RATE_LIMITED 60");
            assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        }

        @Test
        void aRequestRunAgainAfterALostRaceCountsOnce() throws Exception {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/disclosure/notices/N/objections");
            request.setRemoteAddr("10.0.0.1");
            request.setContentType("application/json");
            request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, ObjectionRateLimitInterceptor.OBJECTIONS);

            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
            }
        }
    }
}
