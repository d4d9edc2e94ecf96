package cn.fupin.ledger.ops.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limit keeps a body it has read, so a posted form's fields are read from the kept bytes (the container,
 * whose stream the filter consumed, would find none); past the limit, a form posted from a public page gets a page
 * for people and everything else problem+json.
 */
class RequestBodyLimitFilterTest {

    static final String FORM = "application/x-www-form-urlencoded";

    final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(DataSize.ofKilobytes(64), DataSize.ofKilobytes(64),
            DataSize.ofBytes(200), new ObjectMapper(), ObjectionRateLimitTest.FORM_PAGES);

    static MockHttpServletRequest post(String path, String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(contentType);
        request.setCharacterEncoding("UTF-8");
        request.setContent(body.getBytes(StandardCharsets.US_ASCII));
        return request;
    }

    /** Runs the filter and returns the request the rest of the chain saw. */
    HttpServletRequest passed(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }

    @Test
    void aFormsFieldsAreReadFromTheKeptBodyAfterTheQueryString() throws Exception {
        MockHttpServletRequest request = post("/disclosure/notices/NTC-1/objections", FORM + ";charset=UTF-8",
                "item=DSB-1&text=%E8%B7%AF%E9%9D%A2+%E5%A4%AA%E7%AA%84%0D%0A%E7%AC%AC%E4%BA%8C%E8%A1%8C&contact=&bad=%zz&item=DSB-2");
        request.setQueryString("item=DSB-0");

        HttpServletRequest seen = passed(request, new MockHttpServletResponse());

        assertThat(seen.getParameter("item")).isEqualTo("DSB-0");
        assertThat(seen.getParameterValues("item")).containsExactly("DSB-0", "DSB-1", "DSB-2");
        assertThat(seen.getParameter("text")).isEqualTo("路面 太窄\r\n第二行");
        assertThat(seen.getParameter("contact")).isEmpty();
        assertThat(seen.getParameter("bad")).as("a pair that does not decode is left out").isNull();
        assertThat(seen.getParameterMap()).containsOnlyKeys("item", "text", "contact");
        assertThat(java.util.Collections.list(seen.getParameterNames())).containsExactly("item", "text", "contact");
    }

    @Test
    void aJsonBodyLeavesTheContainersParametersAlone() throws Exception {
        MockHttpServletRequest request = post("/api/funds/appropriations", "application/json", "{\"a\": 1}");
        request.addParameter("page", "2");

        HttpServletRequest seen = passed(request, new MockHttpServletResponse());

        assertThat(seen.getParameter("page")).isEqualTo("2");
        assertThat(new String(seen.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");
    }

    @Test
    void aFormOverThePublicLimitIsAnsweredWithAPageForPeopleAndJsonWithProblemJson() throws Exception {
        String tooLong = "text=" + "%E5%BC%82".repeat(30);
        MockHttpServletResponse form = new MockHttpServletResponse();
        MockHttpServletResponse json = new MockHttpServletResponse();

        HttpServletRequest formPassed = passed(post("/disclosure/notices/NTC-1/objections", FORM, tooLong), form);
        HttpServletRequest jsonPassed = passed(post("/disclosure/notices/NTC-1/objections", "application/json",
                "{\"text\": \"" + "x".repeat(300) + "\"}"), json);

        assertThat(formPassed).isNull();
        assertThat(form.getStatus()).isEqualTo(413);
        assertThat(form.getContentAsString()).isEqualTo("page BODY_TOO_LARGE 0");
        assertThat(jsonPassed).isNull();
        assertThat(json.getStatus()).isEqualTo(413);
        assertThat(json.getContentType()).startsWith("application/problem+json");
        assertThat(json.getContentAsString()).contains("\"code\":\"BODY_TOO_LARGE\"");
    }

    @Test
    void thePublicLimitAppliesToEveryWayOfWritingAPathThatSpringRoutesToThePublicPages() throws Exception {
        String body = "{\"text\": \"" + "x".repeat(300) + "\"}";
        for (String path : java.util.List.of("/disclosure/notices/NTC-1/objections", "/%64isclosure/notices/NTC-1/objections",
                "/disclosure/notices/NTC-1/%6Fbjections", "/disclosure;x=1/notices/NTC-1/objections")) {
            MockHttpServletResponse response = new MockHttpServletResponse();

            HttpServletRequest seen = passed(post(path, "application/json", body), response);

            assertThat(seen).as(path).isNull();
            assertThat(response.getStatus()).as(path).isEqualTo(413);
        }
        MockHttpServletResponse api = new MockHttpServletResponse();
        assertThat(passed(post("/api/notices", "application/json", body), api)).isNotNull();
    }

    @Test
    void aRegisterSentAsPlainTextGetsTheJsonLimitNotTheCsvOne() throws Exception {
        RequestBodyLimitFilter small = new RequestBodyLimitFilter(DataSize.ofBytes(100), DataSize.ofKilobytes(64),
                DataSize.ofBytes(200), new ObjectMapper(), ObjectionRateLimitTest.FORM_PAGES);
        String register = "cardNo,headName\n" + "H,王\n".repeat(40);
        MockHttpServletResponse plain = new MockHttpServletResponse();
        MockHttpServletResponse csv = new MockHttpServletResponse();

        small.doFilter(post("/api/households/imports", "text/plain", register), plain, (req, res) -> { });
        small.doFilter(post("/api/households/imports", "text/csv", register), csv, (req, res) -> { });

        assertThat(plain.getStatus()).isEqualTo(413);
        assertThat(csv.getStatus()).isEqualTo(200);
    }
}
