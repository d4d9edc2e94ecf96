package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.app.InboxApiTest.form;
import static cn.fupin.ledger.ops.app.InboxApiTest.keys;
import static cn.fupin.ledger.ops.app.InboxApiTest.pageWhen;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The approver's closing steps over HTTP: a completed project waits in the inbox for its acceptance (验收) and is
 * accepted with its result; a paid payment is found among the paid ones and reversed (冲正) with its reason. Each is
 * the API's command, recorded once however often its form is sent, refused for the aggregate's reasons in Chinese
 * (a payment still requested, a project already accepted), never without a result or reason, never without CSRF,
 * never for another role, never for an id typed by hand.
 * Fiscal year 2024; 弓灯村 (510824109203) of 鸳溪镇.
 */
@LedgerTest
class ClosingStepsApiTest extends LedgerApiTest {

    static final int YEAR = 2024;
    static final String VILLAGE = "510824109203";
    private static final AtomicInteger VOUCHERS = new AtomicInteger();
    static String fund;

    Ledger ledger;

    @BeforeEach
    void fund() {
        ledger = new Ledger(api);
        if (fund == null) {
            fund = ledger.appropriate(YEAR, "CENTRAL", 10_000_000, "苍财农〔2024〕closing-1号");
            ledger.designatePoor(VILLAGE, YEAR);
        }
    }

    /** An approved road being built, with its plan's notice published. */
    String implementedRoad(String name) {
        String projectId = ledger.propose("clerk", project(name, "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 50_000) + "]"));
        ledger.approve("approver", projectId);
        step("clerk", projectId, "start", "{}");
        ledger.awaitNotice(Ledger.planNotice(projectId));
        return projectId;
    }

    void step(String user, String projectId, String step, String body) {
        Api.Response response = api.as(user).post("/api/projects/" + projectId + "/" + step, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** A payment of {@code fen} to the village, requested by the clerk; paid by the approver when {@code paid}. */
    String payment(String projectId, long fen, boolean paid) {
        String payment = ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, fen,
                "苍扶贫付〔2024〕closing-" + VOUCHERS.incrementAndGet() + "号");
        if (paid) {
            ledger.advanceDays(11);
            Api.Response approved = api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        }
        return payment;
    }

    static String path(HttpResponse<String> redirect) {
        return StaffHttp.location(redirect).replaceFirst("^https?://[^/]+", "");
    }

    /** Sends the same form three times at once and once more after: every answer is the first one's. */
    static List<String> sentRepeatedly(StaffHttp browser, String path, Map<String, String> sent) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> browser.post(path, sent, false)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> one : atOnce) {
            HttpResponse<String> answer = one.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            answers.add(StaffHttp.location(answer));
        }
        answers.add(StaffHttp.location(browser.post(path, sent, false)));
        return answers;
    }

    @Test
    void aCompletedProjectWaitsForAcceptanceAndIsAcceptedOnceWithItsResult() throws Exception {
        String projectId = implementedRoad("弓灯村道路硬化");
        payment(projectId, 20_000_00L, true);
        step("clerk", projectId, "complete", "{\"note\": \"路面硬化 2.1 公里\"}");
        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        pageWhen(approver, "/app/inbox?village=" + VILLAGE, "项目验收（", "弓灯村道路硬化", projectId);
        String path = "/app/inbox/acceptances/" + projectId;
        String page = pageWhen(approver, path, "已完工", "<label for=\"result\">验收结论（必填）</label>",
                "30,000.00元 退回资金");

        HttpResponse<String> blank = approver.post(path + "/accept", form("key", keys(page).get(0), "result", " "));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("id=\"result-error\">请填写验收结论", "aria-invalid=\"true\"");
        assertThat(events.of(projectId, "ProjectAcceptedEvent")).isEmpty();

        List<String> answers = sentRepeatedly(approver, path + "/accept", form("key", keys(approver.lastPage).get(0),
                "result", "验收合格，路面宽 4.5 米", "_csrf", approver.csrf()));
        assertThat(answers).containsOnly(answers.get(0)).allMatch(at -> at.contains("/app/inbox/recorded/"));
        var stored = events.of(projectId, "ProjectAcceptedEvent");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).payload().toString()).contains("验收合格，路面宽 4.5 米");
        assertThat(stored.get(0).metaData().path("actor").asText()).isEqualTo("approver");
        assertThat(approver.get(answers.get(0).replaceFirst("^https?://[^/]+", "")).body())
                .contains("项目已验收", projectId, "验收合格，路面宽 4.5 米", "20,000.00元", "30,000.00元");

        // Accepted, it waits no more once the projects' read model has the acceptance (it follows the events
        // asynchronously): its page says so with a 404.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> gone = approver.get(path);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("这一事项不在待审批之列");
        });
    }

    @Test
    void aProjectWithAPaymentStillRequestedSaysSoAndTheLedgerRefusesItsAcceptance() {
        String projectId = implementedRoad("弓灯村便民桥");
        String pending = payment(projectId, 5_000_00L, false);
        step("clerk", projectId, "complete", "{}");
        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        pageWhen(approver, "/app/inbox?village=" + VILLAGE, "弓灯村便民桥", "项目还有 5,000.00元 的拨付申请尚未审批");
        String path = "/app/inbox/acceptances/" + projectId;
        String page = pageWhen(approver, path, "项目还有 5,000.00元 的拨付申请尚未审批");

        HttpResponse<String> refused = approver.post(path + "/accept",
                form("key", keys(page).get(0), "result", "验收合格"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"alert\" role=\"alert\"", "项目还有拨付申请尚未审批：先审批或驳回，再验收");
        assertThat(events.of(projectId, "ProjectAcceptedEvent")).isEmpty();
        assertThat(events.of(pending, "DisbursementApprovedEvent")).isEmpty();
    }

    @Test
    void aPaidPaymentIsFoundAmongThePaidAndReversedWithItsReasonOnce() throws Exception {
        String projectId = implementedRoad("弓灯村灌溉渠");
        String payment = payment(projectId, 8_000_00L, true);
        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        pageWhen(approver, "/app/inbox/paid?project=" + projectId, "8,000.00元 拨付给村 " + VILLAGE, payment);
        String path = "/app/inbox/paid/" + payment;
        String page = pageWhen(approver, path, "<label for=\"reason\">冲正理由（必填）</label>", "审批人");

        HttpResponse<String> blank = approver.post(path + "/reverse", form("key", keys(page).get(0), "reason", ""));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("id=\"reason-error\">冲正须写明理由");
        assertThat(events.of(payment, "DisbursementReversedEvent")).isEmpty();

        List<String> answers = sentRepeatedly(approver, path + "/reverse", form("key", keys(approver.lastPage).get(0),
                "reason", "凭证金额填错，应为 800 元", "_csrf", approver.csrf()));
        assertThat(answers).containsOnly(answers.get(0)).allMatch(at -> at.contains("/app/inbox/recorded/"));
        var stored = events.of(payment, "DisbursementReversedEvent");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).payload().toString()).contains("凭证金额填错，应为 800 元");
        assertThat(approver.get(answers.get(0).replaceFirst("^https?://[^/]+", "")).body())
                .contains("拨付已冲正", payment, "8,000.00元", "凭证金额填错，应为 800 元");
        ledger.projectWhen(projectId, p -> p.path("paidFen").asLong() == 0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(approver.get(path).statusCode()).isEqualTo(404));
    }

    @Test
    void aReversalIntoAnAcceptedProjectIsSaidAndRefusedByTheLedger() {
        String projectId = implementedRoad("弓灯村饮水池");
        String payment = payment(projectId, 3_000_00L, true);
        step("clerk", projectId, "complete", "{}");
        step("approver", projectId, "accept", "{\"result\": \"验收合格\"}");
        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        String path = "/app/inbox/paid/" + payment;
        String page = pageWhen(approver, path, "账本不接受冲正到这个项目");

        HttpResponse<String> refused = approver.post(path + "/reverse",
                form("key", keys(page).get(0), "reason", "重复支付"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("项目已验收或已撤销，资金已不再为它预留，不能冲正到这个项目");
        assertThat(events.of(payment, "DisbursementReversedEvent")).isEmpty();
    }

    @Test
    void otherRolesFormsWithoutCsrfAndIdsTypedByHandAreRefusedAndRecordNothing() {
        String projectId = implementedRoad("弓灯村路灯");
        String payment = payment(projectId, 2_000_00L, true);
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        assertThat(clerk.get("/app/inbox/paid").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/app/inbox/paid/" + payment).statusCode()).isEqualTo(403);
        clerk.get("/app/");
        assertThat(clerk.post("/app/inbox/paid/" + payment + "/reverse", form("key", "k", "reason", "试试"))
                .statusCode()).isEqualTo(403);
        assertThat(clerk.post("/app/inbox/acceptances/" + projectId + "/accept", form("key", "k", "result", "试试"))
                .statusCode()).isEqualTo(403);

        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        String page = pageWhen(approver, "/app/inbox/paid/" + payment, "id=\"step-form\"");
        HttpResponse<String> withoutCsrf = approver.post("/app/inbox/paid/" + payment + "/reverse",
                form("key", keys(page).get(0), "reason", "无 CSRF"), false);
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        HttpResponse<String> forgedKey = approver.post("/app/inbox/paid/" + payment + "/reverse",
                form("key", "not-a-key-of-this-session", "reason", "伪造的表单"));
        assertThat(forgedKey.body()).contains("这份表单已过期");
        assertThat(events.of(payment, "DisbursementReversedEvent")).isEmpty();

        for (String typed : List.of("/app/inbox/paid/DSB-NO-SUCH", "/app/inbox/paid/%3Cscript%3E",
                "/app/inbox/acceptances/PRJ-NO-SUCH", "/app/inbox/acceptances/" + projectId)) {
            HttpResponse<String> answer = approver.get(typed);
            assertThat(answer.statusCode()).as(typed).isIn(400, 404);
            assertThat(answer.body()).as(typed).doesNotContain("Exception", "at cn.fupin");
        }
        HttpResponse<String> odd = approver.get("/app/inbox/paid?project=%27or1&village=x&afterAt=yesterday&afterId=1");
        assertThat(odd.statusCode()).isEqualTo(200);
        assertThat(odd.body()).doesNotContain("Exception");
        // A project still being built is not waiting for acceptance: a form for it records nothing.
        HttpResponse<String> early = approver.post("/app/inbox/acceptances/" + projectId + "/accept",
                form("key", keys(page).get(0), "result", "提前验收"));
        assertThat(early.statusCode()).isEqualTo(404);
        HttpResponse<String> forgedOnNothing = approver.post("/app/inbox/acceptances/PRJ-NO-SUCH/accept",
                form("key", "not-a-key-of-this-session", "result", "伪造的表单"));
        assertThat(forgedOnNothing.statusCode()).isEqualTo(404);
        assertThat(forgedOnNothing.body()).doesNotContain("Exception");
        assertThat(events.of(projectId, "ProjectAcceptedEvent")).isEmpty();
    }
}
