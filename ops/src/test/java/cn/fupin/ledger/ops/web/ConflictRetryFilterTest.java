package cn.fupin.ledger.ops.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetryFilterTest {

    /** Loses the race {@code losses} times (409 and the conflict mark), then answers 200 without setting a status. */
    private static final class Racer extends HttpServlet {

        private final int losses;
        private final AtomicInteger calls = new AtomicInteger();

        Racer(int losses) {
            this.losses = losses;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int call = calls.incrementAndGet();
            response.setContentType("application/json");
            if (call <= losses) {
                request.setAttribute(ConflictRetryFilter.CONFLICT, Boolean.TRUE);
                response.setStatus(409);
                response.getOutputStream().write("{\"code\":\"CONCURRENT_MODIFICATION\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                response.getOutputStream().write(("{\"attempt\":" + call + "}").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static MockHttpServletResponse run(ConflictRetryFilter filter, Racer racer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/funds/appropriations");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new RequestBodyLimitFilter.CachedBodyRequest(request, "{}".getBytes(StandardCharsets.UTF_8)),
                response, racer::service);
        return response;
    }

    @Test
    void aRequestThatLostARaceIsRunAgainAndOnlyTheWinningAnswerIsSent() throws Exception {
        Racer racer = new Racer(2);
        MockHttpServletResponse response = run(new ConflictRetryFilter(5), racer);

        assertThat(racer.calls).hasValue(3);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"attempt\":3}");
    }

    @Test
    void aRequestThatKeepsLosingAnswersTheConflictAfterTheLastAttempt() throws Exception {
        Racer racer = new Racer(10);
        MockHttpServletResponse response = run(new ConflictRetryFilter(3), racer);

        assertThat(racer.calls).hasValue(3);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).isEqualTo("{\"code\":\"CONCURRENT_MODIFICATION\"}");
    }

    @Test
    void aRequestThatWinsAtOnceRunsOnce() throws Exception {
        Racer racer = new Racer(0);
        MockHttpServletResponse response = run(new ConflictRetryFilter(5), racer);

        assertThat(racer.calls).hasValue(1);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
