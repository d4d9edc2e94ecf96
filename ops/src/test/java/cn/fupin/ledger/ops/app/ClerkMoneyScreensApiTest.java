package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.app.ClerkMoneyData.CHIKOU;
import static cn.fupin.ledger.ops.app.ClerkMoneyData.MASANG;
import static cn.fupin.ledger.ops.app.ClerkMoneyData.OTHER_TOWNSHIP;
import static cn.fupin.ledger.ops.app.ClerkMoneyData.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents.StoredEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clerk's projects, grant batches and payment requests over HTTP with a browser's session: each records the same
 * events as the API, refuses for the API's reasons in Chinese beside the field (or the household's row), records once
 * however often its form is sent, never without the CSRF token, never for another role, and a project's id typed by
 * hand into the path names nothing that is not there. Fiscal year 2005; households CM-0001… of 白驿镇.
 */
@LedgerTest
class ClerkMoneyScreensApiTest extends LedgerApiTest {

    static final long STANDARD_FEN = 3_500_00L;

    static String fund;
    static String householdProject;
    static int vouchers;

    Ledger ledger;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(api);
        if (fund == null) {
            fund = ledger.appropriate(2005, "INTEGRATED_AGRICULTURE", 2_000_000, "苍财农〔2005〕清算屏-1号");
            ledger.designatePoor(CHIKOU, 2005);
            List<Households.Row> rows = new ArrayList<>();
            IntStream.rangeClosed(1, 12).forEach(n -> rows.add(ClerkMoneyData.household(n, MASANG)));
            rows.add(ClerkMoneyData.household(13, OTHER_TOWNSHIP));
            ledger.importHouseholds(rows.toArray(Households.Row[]::new));
            householdProject = ledger.propose("clerk", """
                    {"name": "清算屏-猕猴桃到户", "workArea": "INDUSTRY", "villageCode": "%s", "beneficiary": "HOUSEHOLDS",
                     "budget": [%s], "implementer": "村民委员会", "supervisor": "白驿镇人民政府",
                     "startDate": "2005-04-01", "endDate": "2005-11-30", "expectedHouseholds": 12,
                     "subsidyStandard": "每户3500元", "subsidyStandardFen": %d}
                    """.formatted(MASANG, Ledger.line(fund, 200_000), STANDARD_FEN));
            ledger.approve("approver", householdProject);
            ledger.projectWhen(householdProject, project -> project.path("status").asText().equals("APPROVED"));
        }
    }

    private StaffHttp clerk() {
        return StaffHttp.loggedIn(port, "clerk");
    }

    private static String voucher() {
        return "苍扶贫付〔2005〕清算屏-" + (++vouchers) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String location(HttpResponse<String> answer) {
        return StaffHttp.location(answer);
    }

    private static String last(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static Map<String, String> proposal(String key, String name, String workArea, String village,
                                                String beneficiary, String amountYuan, String startDate) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("name", name);
        form.put("workArea", workArea);
        form.put("villageCode", village);
        form.put("beneficiary", beneficiary);
        form.put("fund1", fund);
        form.put("amountYuan1", amountYuan);
        form.put("fund2", "");
        form.put("amountYuan2", "");
        form.put("implementer", "池口村村民委员会");
        form.put("supervisor", "白驿镇人民政府");
        form.put("startDate", startDate);
        form.put("endDate", "2005-11-30");
        form.put("expectedHouseholds", "110");
        form.put("expectedPeople", "275");
        form.put("subsidyStandardYuan", "");
        form.put("description", "硬化村道4.2公里");
        return form;
    }

    private static Map<String, String> payment(String key, String projectId, String village, String cardNo,
                                               String amountYuan, String voucherNo) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("projectId", projectId);
        form.put("villageCode", village);
        form.put("cardNo", cardNo);
        form.put("amountYuan", amountYuan);
        form.put("voucherNo", voucherNo);
        return form;
    }

    private long proposalsNamed(String name) {
        return events.ofType("ProjectProposedEvent").stream()
                .filter(event -> name.equals(event.payload().path("name").asText())).count();
    }

    private List<StoredEvent> requestsOnVoucher(String voucherNo) {
        return events.ofType("DisbursementRequestedEvent").stream()
                .filter(event -> event.payload().path("voucherNo").asText().startsWith(voucherNo)).toList();
    }

    private String awaitPage(StaffHttp browser, String path, String... texts) {
        String[] page = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> answer = browser.get(path);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains(texts);
            page[0] = answer.body();
        });
        return page[0];
    }

    @Test
    void aClerkProposesAVillageProjectAndStartsAndCompletesItOnceApprovedRefusedBefore() {
        StaffHttp clerk = clerk();
        HttpResponse<String> page = clerk.get("/app/projects");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>项目</h1>", "申报项目", "<label for=\"villageCode\">项目所在村</label>",
                "<label for=\"fund1\">预算一：资金</label>", "value=\"" + fund + "\"", "池口村村民委员会");
        String name = "清算屏-村道" + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> proposed = clerk.post("/app/projects", proposal(clerk.formKey(), name, "ROADS", CHIKOU,
                "VILLAGE", "300,000", "2005-04-01"));

        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(302);
        assertThat(location(proposed)).contains("/app/projects/proposed/PRJ-");
        String projectId = last(location(proposed));
        assertThat(clerk.get("/app/projects/proposed/" + projectId).body())
                .contains("项目已申报", projectId, name, "300,000.00元", "池口村村民委员会");
        StoredEvent stored = events.of(projectId, "ProjectProposedEvent").get(0);
        assertThat(stored.payload().path("budgetTotalFen").asLong()).isEqualTo(30_000_000L);
        assertThat(stored.payload().path("proposedBy").asText()).isEqualTo("clerk");
        assertThat(stored.metaData().path("role").asText()).isEqualTo("CLERK");

        // Not approved yet: the start is refused as the API refuses it, in Chinese, and nothing is recorded.
        assertThat(awaitPage(clerk, "/app/projects/" + projectId, "已申报", "项目尚未批复：审批人批复后才能开工"))
                .doesNotContain("登记开工");
        // The page offers no start; a start sent anyway (an old tab, a hand-made post) with a key of this session:
        clerk.get("/app/projects");
        HttpResponse<String> early = clerk.post("/app/projects/" + projectId + "/start",
                Map.of("key", clerk.formKey()));
        assertThat(early.statusCode()).isEqualTo(200);
        assertThat(early.body()).contains("项目尚未批复，不能开工");
        assertThat(events.of(projectId, "ProjectStartedEvent")).isEmpty();

        ledger.approve("approver", projectId);
        awaitPage(clerk, "/app/projects/" + projectId, "已批复", "登记开工");
        HttpResponse<String> started = clerk.post("/app/projects/" + projectId + "/start",
                Map.of("key", clerk.formKey()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        assertThat(clerk.get(location(started).replaceFirst("^https?://[^/]+", "")).body())
                .contains("项目已开工", projectId);
        assertThat(events.of(projectId, "ProjectStartedEvent")).hasSize(1);

        awaitPage(clerk, "/app/projects/" + projectId, "实施中", "登记完工");
        HttpResponse<String> completed = clerk.post("/app/projects/" + projectId + "/complete",
                Map.of("key", clerk.formKey(), "note", "村道硬化完成"));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(302);
        assertThat(events.of(projectId, "ProjectCompletedEvent")).hasSize(1);
        String history = awaitPage(clerk, "/app/projects/" + projectId, "已完工");
        assertThat(history).contains("申报", "批复", "开工", "完工", "村道硬化完成");
    }

    @Test
    void badInputIsNamedBesideItsFieldAndTheProjectsOwnRulesRefuseInChinese() {
        StaffHttp clerk = clerk();
        clerk.get("/app/projects");
        String name = "清算屏-错" + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> refused = clerk.post("/app/projects", proposal(clerk.formKey(), name, "ROADS", CHIKOU,
                "VILLAGE", "12.345", "2005/04/01"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("请改正下面标出的内容后再提交",
                "id=\"amountYuan1-error\">金额应为元，最多两位小数", "id=\"startDate-error\">日期应写成 年-月-日",
                "aria-invalid=\"true\"");

        // 马桑村 is no poor village: a road's funds go to poor villages only (the aggregate's VILLAGE_NOT_POOR).
        HttpResponse<String> notPoor = clerk.post("/app/projects", proposal(clerk.formKey(), name, "ROADS", MASANG,
                "VILLAGE", "1000", "2005-04-01"));
        assertThat(notPoor.statusCode()).isEqualTo(200);
        assertThat(notPoor.body()).contains("这一领域的资金只投向贫困村");
        // A household work area for a village is the aggregate's BENEFICIARY_MISMATCH, beside its field.
        HttpResponse<String> mismatch = clerk.post("/app/projects", proposal(clerk.formKey(), name, "INDUSTRY",
                MASANG, "VILLAGE", "1000", "2005-04-01"));
        assertThat(mismatch.body()).contains("id=\"beneficiary-error\">受益对象与重点工作领域的资金投向不符");
        assertThat(proposalsNamed(name)).isZero();
    }

    @Test
    void aPaymentRequestSentTwiceAtOnceAndAgainRecordsOnceAndIsListedAsWaitingForApproval() throws Exception {
        StaffHttp clerk = clerk();
        clerk.get("/app/payments?project=" + householdProject);
        assertThat(clerk.lastPage).contains("<h1>拨付申请</h1>", "value=\"" + householdProject + "\"",
                "<label for=\"cardNo\">户卡号（到户项目填写）</label>");
        String voucherNo = voucher();
        Map<String, String> form = payment(clerk.formKey(), householdProject, "", card(1), "3,500", voucherNo);
        form.put("_csrf", clerk.csrf());

        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> clerk.post("/app/payments", form, false)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> sent : atOnce) {
            HttpResponse<String> answer = sent.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            answers.add(location(answer));
        }
        answers.add(location(clerk.post("/app/payments", form, false)));

        assertThat(answers).hasSize(4).allMatch(answer -> answer.equals(answers.get(0)));
        List<StoredEvent> recorded = requestsOnVoucher(voucherNo);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).payload().path("amountFen").asLong()).isEqualTo(STANDARD_FEN);
        assertThat(recorded.get(0).payload().path("cardNo").asText()).isEqualTo(card(1));
        String disbursementId = last(answers.get(0));
        assertThat(clerk.get("/app/payments/requested/" + disbursementId).body())
                .contains("拨付申请已提交", disbursementId, "3,500.00元", voucherNo, card(1));
        awaitPage(clerk, "/app/payments?project=" + householdProject + "&status=REQUESTED", disbursementId, "待审批");
    }

    @Test
    void aPaymentTheProjectMayNotMakeIsRefusedForTheApisReasonsAndRecordsNothing() {
        StaffHttp clerk = clerk();
        clerk.get("/app/payments");
        String voucherNo = voucher();

        HttpResponse<String> small = clerk.post("/app/payments", payment(clerk.formKey(), householdProject, "",
                card(2), "2000", voucherNo));
        assertThat(small.body()).contains("id=\"amountYuan-error\">每户增收项目启动资金不少于 3000 元");
        HttpResponse<String> toVillage = clerk.post("/app/payments", payment(clerk.formKey(), householdProject,
                MASANG, "", "5000", voucherNo));
        assertThat(toVillage.body()).contains("收款对象与项目不符");
        HttpResponse<String> both = clerk.post("/app/payments", payment(clerk.formKey(), householdProject,
                MASANG, card(2), "5000", voucherNo));
        assertThat(both.body()).contains("id=\"cardNo-error\">收款的村和户卡号只能填一项");
        HttpResponse<String> abroad = clerk.post("/app/payments", payment(clerk.formKey(), householdProject, "",
                card(13), "3500", voucherNo));
        assertThat(abroad.body()).contains("这户不能领取：已脱贫退出，或不在项目所在乡镇");
        assertThat(requestsOnVoucher(voucherNo)).isEmpty();
    }

    @Test
    void aGrantBatchIsPrefilledFromTheProjectsStandardAndSubmittedOnceWithItsHouseholds() {
        StaffHttp clerk = clerk();
        String page = awaitPage(clerk, "/app/batches?project=" + householdProject + "&village=" + MASANG,
                card(3), card(4));
        assertThat(page).contains("<h1>到户补助批次</h1>", "每户金额按项目补助标准预填：3,500.00元",
                "id=\"amount-" + card(3) + "\"", "value=\"3,500.00\"",
                "<label for=\"card-" + card(3) + "\" style=\"display:inline\">" + card(3));
        String voucherNo = voucher();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", clerk.formKey());
        form.put("project", householdProject);
        form.put("village", MASANG);
        form.put("voucherNo", voucherNo);
        form.put("card", card(3));
        form.put("amount-" + card(3), "3,500.00");
        form.put("amount-" + card(4), "3,500.00");
        // a second household: the form's checkboxes share a name, sent as card=…&card=…
        String body = card(4);

        HttpResponse<String> submitted = clerk.send(java.net.http.HttpRequest.newBuilder(clerk.uri("/app/batches"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(encoded(form, clerk.csrf()) + "&card="
                        + body)));
        HttpResponse<String> again = clerk.send(java.net.http.HttpRequest.newBuilder(clerk.uri("/app/batches"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(encoded(form, clerk.csrf()) + "&card="
                        + body)));

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(location(again)).isEqualTo(location(submitted));
        String batchId = last(location(submitted));
        assertThat(events.ofType("GrantBatchSubmittedEvent").stream()
                .filter(event -> event.payload().path("batchId").asText().equals(batchId))).hasSize(1);
        assertThat(requestsOnVoucher(voucherNo)).hasSize(2)
                .allMatch(event -> event.payload().path("amountFen").asLong() == STANDARD_FEN);
        assertThat(clerk.get("/app/batches/submitted/" + batchId).body())
                .contains("到户补助批次已提交", batchId, card(3), card(4), "7,000.00元", voucherNo);
        awaitPage(clerk, "/app/batches?project=" + householdProject, batchId, "待审批 2 户");
        // The households granted now cannot be ticked again.
        assertThat(awaitPage(clerk, "/app/batches?project=" + householdProject + "&village=" + MASANG,
                "待审批 3,500.00元")).containsPattern("id=\"card-" + card(3) + "\"[^>]*disabled");
    }

    @Test
    void aBatchWithHouseholdsTheProjectMayNotGrantNamesEachBesideItsRowAndRecordsNothing() {
        StaffHttp clerk = clerk();
        awaitPage(clerk, "/app/batches?project=" + householdProject + "&village=" + MASANG, card(5));
        String voucherNo = voucher();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", clerk.formKey());
        form.put("project", householdProject);
        form.put("village", MASANG);
        form.put("voucherNo", voucherNo);
        form.put("amount-" + card(5), "4000");
        form.put("amount-" + card(13), "3500");

        HttpResponse<String> refused = clerk.send(java.net.http.HttpRequest.newBuilder(clerk.uri("/app/batches"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(encoded(form, clerk.csrf()) + "&card="
                        + card(5) + "&card=" + card(13))));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("这一批没有提交",
                "id=\"amount-" + card(5) + "-error\">金额高于项目的每户补助标准");
        assertThat(requestsOnVoucher(voucherNo)).isEmpty();

        HttpResponse<String> none = clerk.post("/app/batches", Map.of("key", clerk.formKey(), "project",
                householdProject, "village", MASANG, "voucherNo", voucherNo));
        assertThat(none.body()).contains("id=\"households-error\">请至少勾选一户");
    }

    @Test
    void anotherRoleIsRefusedTheClerksScreensAndNothingIsRecorded() {
        for (String user : List.of("approver", "township", "auditor")) {
            StaffHttp other = StaffHttp.loggedIn(port, user);
            for (String path : List.of("/app/projects", "/app/batches", "/app/payments",
                    "/app/projects/" + householdProject)) {
                if (user.equals("township") && path.startsWith("/app/projects")) {
                    // A township writes up its own projects here (TownshipProjectScreensApiTest): 白驿镇's is not one.
                    HttpResponse<String> own = other.get(path);
                    assertThat(own.statusCode()).as(user + " " + path).isEqualTo(path.equals("/app/projects") ? 200
                            : 404);
                    assertThat(own.body()).doesNotContain("清算屏-猕猴桃到户");
                    continue;
                }
                assertThat(other.get(path).statusCode()).as(user + " " + path).isEqualTo(403);
            }
            other.get("/app/");
            String voucherNo = voucher();
            assertThat(other.post("/app/payments", payment(UUID.randomUUID().toString(), householdProject, "",
                    card(6), "3500", voucherNo)).statusCode()).isEqualTo(403);
            assertThat(other.post("/app/projects/" + householdProject + "/start",
                    Map.of("key", UUID.randomUUID().toString())).statusCode()).isEqualTo(403);
            assertThat(requestsOnVoucher(voucherNo)).isEmpty();
        }
        assertThat(events.of(householdProject, "ProjectStartedEvent")).isEmpty();
    }

    @Test
    void withoutTheCsrfTokenOrWithAForgedKeyNothingIsRecorded() {
        StaffHttp clerk = clerk();
        clerk.get("/app/payments");
        String voucherNo = voucher();
        assertThat(clerk.post("/app/payments", payment(clerk.formKey(), householdProject, "", card(7), "3500",
                voucherNo), false).statusCode()).isEqualTo(403);
        HttpResponse<String> forged = clerk.post("/app/payments", payment(UUID.randomUUID().toString(),
                householdProject, "", card(7), "3500", voucherNo));
        assertThat(forged.body()).contains("这份表单已过期");
        assertThat(requestsOnVoucher(voucherNo)).isEmpty();
    }

    @Test
    void aProjectIdTypedByHandNamesNothingThatIsNotThere() {
        StaffHttp clerk = clerk();
        HttpResponse<String> none = clerk.get("/app/projects/PRJ-NO-SUCH-2005");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("没有这个项目").doesNotContain("Exception");
        assertThat(clerk.get("/app/projects/not-a-project-id").statusCode()).isEqualTo(404);
        assertThat(clerk.get("/app/projects/PRJ-x%2F..%2Ffunds").statusCode()).isIn(400, 403, 404);
        clerk.get("/app/projects");
        HttpResponse<String> start = clerk.post("/app/projects/PRJ-NO-SUCH-2005/start",
                Map.of("key", clerk.formKey()));
        assertThat(start.statusCode()).isEqualTo(404);
        assertThat(start.body()).contains("没有这个项目");
        assertThat(events.of("PRJ-NO-SUCH-2005")).isEmpty();
    }

    private static String encoded(Map<String, String> fields, String csrf) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        sent.put("_csrf", csrf);
        return sent.entrySet().stream().map(field -> java.net.URLEncoder.encode(field.getKey(),
                        java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
    }
}
