package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The staff screens as a browser uses them, over HTTP with a cookie jar: the login form and its session, the desk,
 * and the clerk's appropriations — recorded through the screen as through the API, refused for the same reasons in
 * Chinese beside the field, once however often the form is sent, never without the form's CSRF token, and never by a
 * role the API would refuse. Fiscal years 2063 and 2064; document numbers 苍财农〔2063〕screen-….
 */
@LedgerTest
class StaffScreensApiTest extends LedgerApiTest {

    private StaffHttp clerk() {
        return StaffHttp.loggedIn(port, "clerk");
    }

    private static String location(HttpResponse<String> answer) {
        return StaffHttp.location(answer);
    }

    private static Map<String, String> form(String key, String year, String amountYuan, String documentNo) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("fiscalYear", year);
        form.put("source", "COUNTY");
        form.put("amountYuan", amountYuan);
        form.put("documentNo", documentNo);
        form.put("note", "屏幕登记");
        return form;
    }

    private long appropriationsWith(String documentNo) {
        return events.ofType("FundsAppropriatedEvent").stream()
                .filter(event -> documentNo.equals(event.payload().path("documentNo").asText())).count();
    }

    @Test
    void anyoneNotLoggedInIsSentToTheLoginPageWhichNeedsNoLogin() {
        StaffHttp browser = new StaffHttp(port);
        HttpResponse<String> funds = browser.get("/app/funds");
        assertThat(funds.statusCode()).isEqualTo(302);
        assertThat(location(funds)).endsWith("/app/login");
        HttpResponse<String> login = browser.get("/app/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("工作人员登录", "<label for=\"username\">用户名</label>",
                "<label for=\"password\">密码</label>", "name=\"_csrf\"");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheLoginPageAndTheDeskStaysClosed() {
        StaffHttp browser = new StaffHttp(port);
        HttpResponse<String> refused = browser.logIn("clerk", "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).endsWith("/app/login?error");
        assertThat(browser.get("/app/login?error").body()).contains("用户名或密码不正确");
        assertThat(browser.get("/app/").statusCode()).isEqualTo(302);
    }

    @Test
    void theDeskShowsEveryRoleTheUserHoldsAndLoggingOutEndsTheSession() {
        StaffHttp deputy = new StaffHttp(port);
        assertThat(location(deputy.logIn("deputy", "demo"))).endsWith("/app/");
        HttpResponse<String> desk = deputy.get("/app/");
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body()).contains("<h1>工作台</h1>", "当前用户：deputy", "data-role=\"CLERK\"",
                "data-role=\"APPROVER\"", "资金下达").doesNotContain("data-role=\"AUDITOR\"");

        HttpResponse<String> out = deputy.post("/app/logout", Map.of(), true);
        assertThat(location(out)).endsWith("/app/login?logout");
        assertThat(deputy.get("/app/").statusCode()).isEqualTo(302);
    }

    @Test
    void aClerkRecordsAnAppropriationAndSeesWhatWasRecordedAsTheApiDoes() {
        StaffHttp clerk = clerk();
        HttpResponse<String> page = clerk.get("/app/funds?fiscalYear=2063");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2063年度资金下达", "县本级财政投入", "底线",
                "<label for=\"amountYuan\">金额（元）</label>", "inputmode=\"decimal\"",
                "aria-describedby=\"amountYuan-hint\"", "id=\"amountYuan-hint\">以元为单位", "maxlength=\"64\"",
                "<option value=\"COUNTY\" selected=\"selected\">县本级财政扶贫资金</option>")
                .doesNotContain("class=\"field-error\"");
        String documentNo = "苍财农〔2063〕screen-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> recorded = clerk.post("/app/funds", form(clerk.formKey(), "2063", "1,234,567.89",
                documentNo), true);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        assertThat(location(recorded)).contains("/app/funds/recorded/APPR-510824-");
        String appropriationId = location(recorded).substring(location(recorded).lastIndexOf('/') + 1);

        HttpResponse<String> answer = clerk.get("/app/funds/recorded/" + appropriationId);
        assertThat(answer.body()).contains("资金下达已登记", appropriationId, "1,234,567.89元", documentNo,
                "县本级财政扶贫资金");
        assertThat(appropriationsWith(documentNo)).isEqualTo(1);
        var stored = events.ofType("FundsAppropriatedEvent").stream()
                .filter(event -> documentNo.equals(event.payload().path("documentNo").asText())).findFirst().orElseThrow();
        assertThat(stored.payload().path("amountFen").asLong()).isEqualTo(123_456_789L);
        assertThat(stored.metaData().path("actor").asText()).isEqualTo("clerk");
        assertThat(stored.metaData().path("role").asText()).isEqualTo("CLERK");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.as("auditor").get("/api/funds/appropriations?fiscalYear=2063").body())
                        .contains(appropriationId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(clerk.get("/app/funds?fiscalYear=2063").body()).contains(documentNo, "1,234,567.89元"));
    }

    @Test
    void theSameFormSentAgainOrTwiceAtOnceRecordsOnce() throws Exception {
        StaffHttp clerk = clerk();
        clerk.get("/app/funds?fiscalYear=2063");
        String documentNo = "苍财农〔2063〕screen-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = form(clerk.formKey(), "2063", "5000", documentNo);
        form.put("_csrf", StaffHttp.find(StaffHttp.CSRF, clerk.lastPage));

        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> clerk.post("/app/funds", form, false)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> sent : atOnce) {
            HttpResponse<String> answer = sent.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            answers.add(location(answer));
        }
        HttpResponse<String> later = clerk.post("/app/funds", form, false);
        answers.add(location(later));

        assertThat(answers).hasSize(4).allMatch(answer -> answer.equals(answers.get(0)));
        assertThat(appropriationsWith(documentNo)).isEqualTo(1);
    }

    @Test
    void badInputIsNamedBesideItsFieldInChineseAndRecordsNothing() {
        StaffHttp clerk = clerk();
        clerk.get("/app/funds?fiscalYear=2064");
        long before = events.ofType("FundsAppropriatedEvent").size();

        HttpResponse<String> refused = clerk.post("/app/funds", form(clerk.formKey(), "20x4", "12.345", " "), true);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("请改正下面标出的内容后再提交",
                "id=\"fiscalYear-error\">年度应为 2000 至 2100 之间的四位数字",
                "id=\"amountYuan-error\">金额应为元，最多两位小数", "id=\"documentNo-error\">请填写文号",
                "aria-invalid=\"true\"");
        assertThat(events.ofType("FundsAppropriatedEvent")).hasSize((int) before);
    }

    @Test
    void aDocumentNumberRecordedAlreadyIsRefusedInChineseAndTheFormCanBeCorrectedWithItsKey() {
        StaffHttp clerk = clerk();
        clerk.get("/app/funds?fiscalYear=2064");
        String documentNo = "苍财农〔2064〕screen-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(clerk.post("/app/funds", form(clerk.formKey(), "2064", "100", documentNo), true).statusCode())
                .isEqualTo(302);

        clerk.get("/app/funds?fiscalYear=2064");
        String key = clerk.formKey();
        HttpResponse<String> refused = clerk.post("/app/funds", form(key, "2064", "200", documentNo), true);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("这一文号在该年度、该来源的资金中已经登记过");
        assertThat(appropriationsWith(documentNo)).isEqualTo(1);

        HttpResponse<String> corrected = clerk.post("/app/funds", form(key, "2064", "200", documentNo + "-2"), true);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(302);
        assertThat(appropriationsWith(documentNo + "-2")).isEqualTo(1);
    }

    @Test
    void withoutTheFormsCsrfTokenOrWithAKeyThisSessionNeverIssuedNothingIsRecorded() {
        StaffHttp clerk = clerk();
        clerk.get("/app/funds?fiscalYear=2064");
        String documentNo = "苍财农〔2064〕screen-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(clerk.post("/app/funds", form(clerk.formKey(), "2064", "100", documentNo), false).statusCode())
                .isEqualTo(403);
        HttpResponse<String> forged = clerk.post("/app/funds", form(UUID.randomUUID().toString(), "2064", "100",
                documentNo), true);
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).contains("这份表单已过期");
        assertThat(appropriationsWith(documentNo)).isZero();
    }

    @Test
    void anApproverMayNotRecordAppropriationsHereAsInTheApi() {
        StaffHttp approver = new StaffHttp(port);
        assertThat(location(approver.logIn("approver", "demo"))).endsWith("/app/");
        assertThat(approver.get("/app/").body()).contains("data-role=\"APPROVER\"").doesNotContain("资金下达</a>");
        assertThat(approver.get("/app/funds?fiscalYear=2064").statusCode()).isEqualTo(403);
        String documentNo = "苍财农〔2064〕screen-" + UUID.randomUUID().toString().substring(0, 8);
        approver.get("/app/");
        assertThat(approver.post("/app/funds", form(UUID.randomUUID().toString(), "2064", "100", documentNo), true)
                .statusCode()).isEqualTo(403);
        assertThat(appropriationsWith(documentNo)).isZero();
    }

    @Test
    void anEncodedPathToTheClerksScreenIsTheClerksScreenAndAnApproverIsRefusedThereToo() {
        StaffHttp approver = new StaffHttp(port);
        assertThat(location(approver.logIn("approver", "demo"))).endsWith("/app/");
        approver.get("/app/");
        String documentNo = "苍财农〔2064〕screen-" + UUID.randomUUID().toString().substring(0, 8);
        for (String path : List.of("/app/%66unds", "/%61pp/funds", "/app/./funds", "/app//funds")) {
            assertThat(approver.post(path, form(UUID.randomUUID().toString(), "2064", "100", documentNo), true)
                    .statusCode()).as(path).isIn(400, 403);
        }
        assertThat(appropriationsWith(documentNo)).isZero();
    }

    @Test
    void aFormLargerThanTheContainerParsesIsRefusedAndRecordsNothing() {
        StaffHttp clerk = clerk();
        clerk.get("/app/funds?fiscalYear=2064");
        String documentNo = "苍财农〔2064〕screen-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = form(clerk.formKey(), "2064", "100", documentNo);
        form.put("note", "长".repeat(30_000));

        assertThat(clerk.post("/app/funds", form, true).statusCode()).isEqualTo(403);
        assertThat(appropriationsWith(documentNo)).isZero();
    }
}
