package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The approver's inbox over HTTP with a cookie jar: what waits is listed with what stops it, computed as the aggregates
 * decide (the plan's period, an objection, four eyes), so the inbox offers no approval the ledger refuses; approvals,
 * rejections and objection decisions are the API's commands, recorded once however often the form is sent, refused
 * for the same reasons in Chinese, never without CSRF, never for another role, never for an id typed by hand.
 * Fiscal year 2007; 石牛村 (510824111227) of 龙王镇; households 8800 to 8809; public addresses 127.0.8.x.
 */
@LedgerTest
class InboxApiTest extends LedgerApiTest {

    static final int YEAR = 2007;
    static final String VILLAGE = "510824111227";
    private static final Pattern KEYS = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final AtomicInteger VOUCHERS = new AtomicInteger();
    static String fund;

    Ledger ledger;

    @BeforeEach
    void fund() {
        ledger = new Ledger(api);
        if (fund == null) {
            fund = ledger.appropriate(YEAR, "CENTRAL", 10_000_000, "苍财农〔2007〕inbox-1号");
            ledger.designatePoor(VILLAGE, YEAR);
        }
    }

    static String voucher() {
        return "苍扶贫付〔2007〕inbox-" + VOUCHERS.incrementAndGet() + "号";
    }

    String proposedRoad(String user, String name) {
        return ledger.propose(user, project(name, "ROADS", VILLAGE, "VILLAGE", YEAR, "[" + line(fund, 50_000) + "]"));
    }

    /** An approved road with a payment of 1,000 yuan to the village requested by {@code requester}. */
    String requestedPayment(String requester, String name) {
        String projectId = proposedRoad("clerk", name);
        ledger.approve("approver", projectId);
        String payment = ledger.requestDisbursement(requester, projectId, "villageCode", VILLAGE, 1_000_00L, voucher());
        ledger.awaitNotice(Ledger.planNotice(projectId));
        return payment;
    }

    /** The page of an item, once the read models show it as {@code expected} says. */
    static String pageWhen(StaffHttp browser, String path, String... expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains(expected);
        });
        return browser.lastPage;
    }

    static List<String> keys(String page) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = KEYS.matcher(page);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    @Test
    void aProposedProjectIsListedAndApprovedFromItsPageWithItsApprovalDocument() {
        String projectId = proposedRoad("clerk", "石牛村道路硬化");
        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        pageWhen(approver, "/app/inbox?village=" + VILLAGE, "项目批复", "石牛村道路硬化", projectId);
        String page = pageWhen(approver, "/app/inbox/projects/" + projectId, "没有发现阻碍，可以审批",
                "<label for=\"approvalDocNo\">批复文号</label>", "<label for=\"reason\">理由（必填）</label>");

        HttpResponse<String> blank = approver.post("/app/inbox/projects/" + projectId + "/approve",
                form("key", keys(page).get(0), "approvalDocNo", "  "));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("id=\"approvalDocNo-error\">请填写批复文号", "aria-invalid=\"true\"");
        assertThat(events.of(projectId, "ProjectApprovedEvent")).isEmpty();

        HttpResponse<String> approved = approver.post("/app/inbox/projects/" + projectId + "/approve",
                form("key", keys(approver.lastPage).get(0), "approvalDocNo", "苍扶组〔2007〕3号"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        HttpResponse<String> answer = approver.get(StaffHttp.location(approved).replaceFirst("^https?://[^/]+", ""));
        assertThat(answer.body()).contains("项目已批复", projectId, "苍扶组〔2007〕3号", "50,000.00元");
        var stored = events.of(projectId, "ProjectApprovedEvent");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).metaData().path("actor").asText()).isEqualTo("approver");
        assertThat(stored.get(0).metaData().path("role").asText()).isEqualTo("APPROVER");
    }

    @Test
    void aPaymentWaitsForItsPlansPeriodAndIsThenPaidOnceHoweverOftenTheFormIsSent() throws Exception {
        String payment = requestedPayment("clerk", "石牛村便民桥");
        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        String path = "/app/inbox/payments/" + payment;
        String held = pageWhen(approver, path, "data-code=\"DISCLOSURE_PERIOD_OPEN\"", "公示期至");
        assertThat(held).doesNotContain("id=\"approve-form\"").contains("/disclosure/notices/");

        // Posting the approval anyway is refused by the ledger for the same reason, translated; nothing is paid.
        HttpResponse<String> refused = approver.post(path + "/approve", form("key", keys(held).get(0)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("列出这一事项的公告还在公示期内");
        assertThat(events.of(payment, "DisbursementApprovedEvent")).isEmpty();

        ledger.advanceDays(11);
        String open = pageWhen(approver, path, "没有发现阻碍，可以审批", "id=\"approve-form\"");
        Map<String, String> sent = form("key", keys(open).get(0), "_csrf", approver.csrf());
        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> approver.post(path + "/approve", sent, false)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> one : atOnce) {
            HttpResponse<String> answer = one.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            answers.add(StaffHttp.location(answer));
        }
        HttpResponse<String> later = approver.post(path + "/approve", sent, false);
        answers.add(StaffHttp.location(later));
        assertThat(answers).containsOnly(answers.get(0)).allMatch(at -> at.contains("/app/inbox/recorded/"));
        assertThat(events.of(payment, "DisbursementApprovedEvent")).hasSize(1);
        assertThat(approver.get(answers.get(0).replaceFirst("^https?://[^/]+", "")).body())
                .contains("拨付已审批，款项已支付", payment, "1,000.00元");
    }

    @Test
    void theDeputyCannotApproveThePaymentTheyRequestedAndTheLedgerRefusesItIfPostedAnyway() {
        String payment = requestedPayment("deputy", "石牛村灌溉渠");
        ledger.advanceDays(11);
        StaffHttp deputy = StaffHttp.loggedIn(port, "deputy");
        String path = "/app/inbox/payments/" + payment;
        String page = pageWhen(deputy, path, "不能由您审批", "这笔拨付是您本人申请的，须由另一位审批人审批（四眼原则）");
        assertThat(page).doesNotContain("id=\"approve-form\"").contains("id=\"reject-form\"");

        HttpResponse<String> refused = deputy.post(path + "/approve", form("key", keys(page).get(0)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("这是您本人提出或申请的事项，须由另一位审批人审批（四眼原则）");
        assertThat(events.of(payment, "DisbursementApprovedEvent")).isEmpty();
        assertThat(events.fourEyesRefusalsOf(payment)).hasSize(1);

        // Another approver sees nothing in the way, and pays it.
        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        String open = pageWhen(approver, path, "没有发现阻碍，可以审批");
        HttpResponse<String> approved = approver.post(path + "/approve", form("key", keys(open).get(0)));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        assertThat(events.of(payment, "DisbursementApprovedEvent")).hasSize(1);
    }

    @Test
    void aRejectionNeedsAReasonAndIsRecordedWithIt() {
        String payment = requestedPayment("clerk", "石牛村饮水池");
        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        String path = "/app/inbox/payments/" + payment;
        String page = pageWhen(approver, path, "id=\"reject-form\"");
        String rejectKey = keys(page).get(keys(page).size() - 1);

        HttpResponse<String> blank = approver.post(path + "/reject", form("key", rejectKey, "reason", ""));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("id=\"reason-error\">驳回须写明理由");
        assertThat(events.of(payment, "DisbursementRejectedEvent")).isEmpty();

        List<String> fresh = keys(approver.lastPage);
        HttpResponse<String> rejected = approver.post(path + "/reject",
                form("key", fresh.get(fresh.size() - 1), "reason", "凭证与合同金额不符"));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(302);
        var stored = events.of(payment, "DisbursementRejectedEvent");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).payload().toString()).contains("凭证与合同金额不符");
        assertThat(approver.get(StaffHttp.location(rejected).replaceFirst("^https?://[^/]+", "")).body())
                .contains("拨付已驳回", "凭证与合同金额不符");
        // Decided, it waits no more once the payments' read model has the rejection (it follows the events
        // asynchronously; the answer page above is the read of one's own write): its page says so.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> gone = approver.get(path);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("这一事项不在待审批之列");
        });
    }

    @Test
    void anObjectionHoldsThePaymentUntilResolvedAndWhoeverResolvedItDoesNotAlsoPayIt() {
        String payment = requestedPayment("clerk", "石牛村文化室");
        String projectId = events.of(payment).get(0).payload().path("projectId").asText();
        String plan = Ledger.planNotice(projectId);
        FromAddress villager = new FromAddress(port, "127.0.8." + ADDRESSES.incrementAndGet());
        FromAddress.Answer filed = villager.post("/disclosure/notices/" + plan + "/objections",
                "{\"item\": \"%s\", \"text\": \"文化室选址占了耕地\"}".formatted(projectId));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String objectionId = filed.json().path("objectionId").asText();

        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        pageWhen(approver, "/app/inbox/payments/" + payment, "data-code=\"OBJECTION_PENDING\"");
        pageWhen(approver, "/app/inbox", "群众异议", objectionId);
        String objectionPath = "/app/inbox/objections/" + plan + "/" + objectionId;
        String page = pageWhen(approver, objectionPath, "文化室选址占了耕地", "<label for=\"outcome\">处理结果</label>");

        HttpResponse<String> unchosen = approver.post(objectionPath + "/resolve",
                form("key", keys(page).get(0), "outcome", "", "reason", "经核实，选址为村集体建设用地"));
        assertThat(unchosen.body()).contains("id=\"outcome-error\">请选择处理结果");
        assertThat(events.of(plan, "ObjectionResolvedEvent")).isEmpty();
        HttpResponse<String> resolved = approver.post(objectionPath + "/resolve", form("key",
                keys(approver.lastPage).get(0), "outcome", "DISMISSED", "reason", "经核实，选址为村集体建设用地"));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(302);
        assertThat(events.of(plan, "ObjectionResolvedEvent")).hasSize(1);

        ledger.advanceDays(11);
        String mine = pageWhen(approver, "/app/inbox/payments/" + payment, "data-code=\"SAME_RESOLVER_AND_APPROVER\"");
        assertThat(mine).doesNotContain("id=\"approve-form\"");
        StaffHttp deputy = StaffHttp.loggedIn(port, "deputy");
        pageWhen(deputy, "/app/inbox/payments/" + payment, "没有发现阻碍，可以审批");
    }

    @Test
    void aGrantBatchIsListedWithItsHouseholdsAndApprovedAsAWholeAfterItsGrantList() {
        ledger.importHouseholds(household(8800).withVillageCode(VILLAGE), household(8801).withVillageCode(VILLAGE));
        String projectId = ledger.propose("clerk", project("石牛村到户增收", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 20_000) + "]"));
        ledger.approve("approver", projectId);
        Api.Response submitted = api.as("clerk").post("/api/grants/batches", """
                {"projectId": "%s", "voucherNo": "%s", "items": [{"cardNo": "%s", "amountFen": 300000},
                 {"cardNo": "%s", "amountFen": 350000}]}""".formatted(projectId, voucher(),
                Households.cardNo(8800), Households.cardNo(8801)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String batchId = submitted.json().path("batchId").asText();
        ledger.awaitNotice(Ledger.grantListNotice(batchId, VILLAGE));

        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        pageWhen(approver, "/app/inbox?village=" + VILLAGE, "2 户到户补助", "6,500.00元");
        String path = "/app/inbox/batches/" + batchId;
        String held = pageWhen(approver, path, "data-code=\"DISCLOSURE_PERIOD_OPEN\"");
        assertThat(held).doesNotContain("id=\"approve-form\"").doesNotContain(Households.idNumber(8800))
                .doesNotContain(Households.bankCard(8800));

        ledger.advanceDays(11);
        String open = pageWhen(approver, path, "没有发现阻碍，可以审批");
        HttpResponse<String> approved = approver.post(path + "/approve", form("key", keys(open).get(0)));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        assertThat(events.of(batchId, "GrantBatchApprovedEvent")).hasSize(1);
        assertThat(approver.get(StaffHttp.location(approved).replaceFirst("^https?://[^/]+", "")).body())
                .contains("到户补助批次已审批", "6,500.00元");
    }

    @Test
    void aBatchWithAHouseholdThatHasExitedSinceSaysSoAndIsRefusedIfApprovedAnyway() {
        ledger.importHouseholds(household(8802).withVillageCode(VILLAGE), household(8803).withVillageCode(VILLAGE));
        String projectId = ledger.propose("clerk", project("石牛村养殖", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 20_000) + "]"));
        ledger.approve("approver", projectId);
        Api.Response submitted = api.as("clerk").post("/api/grants/batches", """
                {"projectId": "%s", "voucherNo": "%s", "items": [{"cardNo": "%s", "amountFen": 300000},
                 {"cardNo": "%s", "amountFen": 300000}]}""".formatted(projectId, voucher(),
                Households.cardNo(8802), Households.cardNo(8803)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String batchId = submitted.json().path("batchId").asText();
        ledger.afterPublicity(Ledger.grantListNotice(batchId, VILLAGE));
        Api.Response exited = api.as("clerk").post("/api/households/" + Households.cardNo(8803) + "/exit",
                "{\"year\": %d, \"reason\": \"人均纯收入超过扶贫标准\"}".formatted(YEAR));
        assertThat(exited.status()).as(exited.toString()).isEqualTo(200);

        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        String path = "/app/inbox/batches/" + batchId;
        String page = pageWhen(approver, path, "data-code=\"HOUSEHOLD_NOT_ELIGIBLE\"", "其中 1 户在提交之后已脱贫退出");
        assertThat(page).doesNotContain("id=\"approve-form\"");
        HttpResponse<String> refused = approver.post(path + "/approve", form("key", keys(page).get(0)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"alert\" role=\"alert\"");
        assertThat(events.of(batchId, "GrantBatchApprovedEvent")).isEmpty();
    }

    @Test
    void otherRolesFormsWithoutCsrfAndIdsTypedByHandAreRefusedAndRecordNothing() {
        String payment = requestedPayment("clerk", "石牛村路灯");
        ledger.advanceDays(11);
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        assertThat(clerk.get("/app/inbox").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/app/inbox/payments/" + payment).statusCode()).isEqualTo(403);
        clerk.get("/app/");
        HttpResponse<String> asClerk = clerk.post("/app/inbox/payments/" + payment + "/approve",
                form("key", "whatever"));
        assertThat(asClerk.statusCode()).isEqualTo(403);
        assertThat(clerk.get("/app/inbox/../inbox").statusCode()).isNotEqualTo(200);
        assertThat(clerk.get("/app/%69nbox").statusCode()).isNotEqualTo(200);

        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        String page = pageWhen(approver, "/app/inbox/payments/" + payment, "id=\"approve-form\"");
        HttpResponse<String> withoutCsrf = approver.post("/app/inbox/payments/" + payment + "/approve",
                form("key", keys(page).get(0)), false);
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        HttpResponse<String> forgedKey = approver.post("/app/inbox/payments/" + payment + "/approve",
                form("key", "not-a-key-of-this-session"));
        assertThat(forgedKey.body()).contains("这份表单已过期");
        assertThat(events.of(payment, "DisbursementApprovedEvent")).isEmpty();

        for (String typed : List.of("/app/inbox/payments/DSB-NO-SUCH", "/app/inbox/payments/%3Cscript%3E",
                "/app/inbox/batches/GB-2007-9999", "/app/inbox/projects/PRJ-NO-SUCH",
                "/app/inbox/objections/NTC-none/OBJ-none")) {
            HttpResponse<String> answer = approver.get(typed);
            assertThat(answer.statusCode()).as(typed).isIn(400, 404);
            assertThat(answer.body()).as(typed).doesNotContain("Exception", "at cn.fupin");
        }
        approver.get("/app/inbox/payments/" + payment);
        HttpResponse<String> unknown = approver.post("/app/inbox/payments/DSB-NO-SUCH/approve",
                form("key", keys(approver.lastPage).get(0)));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
