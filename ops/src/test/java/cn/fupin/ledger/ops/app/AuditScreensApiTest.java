package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The auditor's screens over HTTP with a cookie jar: the event history filtered, paged by keyset, exported as CSV
 * with a byte order mark, each view recorded as the API records its own and never with the household's numbers;
 * follow the money from a document to the village and the household it reached; a household's facts masked, and the
 * look at its numbers recorded once per form however often sent; the trial balance and an account's postings as of a
 * day; red flags with their evidence and a review recorded once. Refused: other roles, a form without its CSRF token,
 * bad input (beside the field, nothing recorded). Fiscal year 2011 ({@link AuditScreensData}).
 */
@LedgerTest
class AuditScreensApiTest extends LedgerApiTest {

    private AuditScreensData data;

    @BeforeEach
    void data() {
        data = AuditScreensData.of(api);
    }

    private StaffHttp auditor() {
        return StaffHttp.loggedIn(port, "auditor");
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<StoredEvents.StoredEvent> viewsOf(String subject, String format) {
        return events.ofType("AuditEventsViewedEvent").stream()
                .filter(view -> subject.equals(view.payload().path("subject").asText()))
                .filter(view -> format.equals(view.payload().path("format").asText())).toList();
    }

    private long revealsOf(String cardNo) {
        return events.ofHousehold(cardNo, "HouseholdPersonalDataViewedEvent").size();
    }

    private long reviewsWith(String reason) {
        return events.ofType("RedFlagReviewedEvent").stream()
                .filter(review -> reason.equals(review.payload().path("reason").asText())).count();
    }

    @Nested
    class EventHistory {

        @Test
        void aSubjectsHistoryShowsItsEventsWithNumbersMaskedAndEachViewIsRecorded() {
            StaffHttp auditor = auditor();
            String card = data.household.cardNo();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    auditor.get("/app/audit/events?subject=" + card).body()).contains("HouseholdRegisteredEvent"));
            int before = viewsOf(card, "HTML").size();

            HttpResponse<String> page = auditor.get("/app/audit/events?subject=" + card + "&type="
                    + "HouseholdRegisteredEvent");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>事件历史</h1>", "HouseholdRegisteredEvent",
                    data.household.idNumberMasked(), "<label for=\"subject\">")
                    .doesNotContain(data.household.idNumber(), data.household.bankCard(), "idNumberCiphertext");
            List<StoredEvents.StoredEvent> views = viewsOf(card, "HTML");
            assertThat(views).hasSize(before + 1);
            StoredEvents.StoredEvent view = views.get(views.size() - 1);
            assertThat(view.payload().path("viewedBy").asText()).isEqualTo("auditor");
            assertThat(view.payload().path("type").asText()).isEqualTo("HouseholdRegisteredEvent");
            assertThat(view.payload().path("events").asLong()).isEqualTo(1);
            assertThat(view.payload().path("personalDataRevealed").asBoolean()).isFalse();
            assertThat(view.metaData().path("role").asText()).isEqualTo("AUDITOR");
        }

        @Test
        void theCsvExportStartsWithAByteOrderMarkHoldsTheRowsMaskedAndIsRecorded() {
            StaffHttp auditor = auditor();
            String card = data.household.cardNo();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    auditor.get("/app/audit/events?subject=" + card).body()).contains("HouseholdRegisteredEvent"));
            int before = viewsOf(card, "CSV").size();

            HttpResponse<String> csv = auditor.get("/app/audit/events.csv?subject=" + card);

            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            assertThat(csv.body()).startsWith("\uFEFFglobalIndex,eventId,type,").contains("HouseholdRegisteredEvent",
                    card, "审计户").doesNotContain(data.household.idNumber(), data.household.bankCard());
            List<StoredEvents.StoredEvent> views = viewsOf(card, "CSV");
            assertThat(views).hasSize(before + 1);
            assertThat(views.get(views.size() - 1).payload().path("personalDataRevealed").asBoolean()).isFalse();
        }

        @Test
        void theNextPageHoldsOnlyOlderEvents() {
            StaffHttp auditor = auditor();
            // the history's index follows the store a moment behind: wait until it holds more than a page
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(indexes(auditor.get(
                    "/app/audit/events").body())).hasSize(AuditHistoryScreen.PAGE_SIZE));
            HttpResponse<String> first = auditor.get("/app/audit/events");
            List<Long> firstIndexes = indexes(first.body());
            assertThat(firstIndexes).hasSize(AuditHistoryScreen.PAGE_SIZE);
            Matcher next = Pattern.compile("id=\"next\" href=\"([^\"]+)\"").matcher(first.body());
            assertThat(next.find()).as("a next page link").isTrue();
            assertThat(next.group(1)).contains("after=" + firstIndexes.get(firstIndexes.size() - 1));

            HttpResponse<String> second = auditor.get(next.group(1).replace("&amp;", "&"));
            List<Long> secondIndexes = indexes(second.body());
            assertThat(secondIndexes).isNotEmpty()
                    .allMatch(index -> index < firstIndexes.get(firstIndexes.size() - 1));
        }

        @Test
        void aBadDayIsNamedBesideItsFieldAndNoViewIsRecorded() {
            StaffHttp auditor = auditor();
            String marker = "S8A-none-" + UUID.randomUUID().toString().substring(0, 8);

            HttpResponse<String> refused = auditor.get("/app/audit/events?subject=" + marker
                    + "&from=2026-13-01&to=2026-01-01");

            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("id=\"from-error\">日期应写成 年-月-日", "aria-invalid=\"true\"",
                    "请改正下面标出的条件");
            HttpResponse<String> backwards = auditor.get("/app/audit/events?subject=" + marker
                    + "&from=2026-02-01&to=2026-01-01");
            assertThat(backwards.body()).contains("id=\"to-error\">结束日期不能早于开始日期");
            HttpResponse<String> badExport = auditor.get("/app/audit/events.csv?subject=" + marker + "&from=x");
            assertThat(badExport.statusCode()).isEqualTo(303);
            assertThat(StaffHttp.location(badExport)).endsWith("/app/audit/events?subject=" + marker + "&from=x");
            assertThat(auditor.get(StaffHttp.location(badExport).replaceFirst("^https?://[^/]+", "")).body())
                    .contains("id=\"from-error\"");
            assertThat(viewsOf(marker, "HTML")).isEmpty();
            assertThat(viewsOf(marker, "CSV")).isEmpty();
        }

        private static List<Long> indexes(String page) {
            List<Long> found = new ArrayList<>();
            Matcher row = Pattern.compile("<tr>\\s*<td>(\\d+)</td>").matcher(page);
            while (row.find()) {
                found.add(Long.parseLong(row.group(1)));
            }
            return found;
        }
    }

    @Nested
    class FollowTheMoney {

        @Test
        void fromTheDocumentToEveryProjectPaymentHouseholdAndVillage() {
            StaffHttp auditor = auditor();

            HttpResponse<String> trace = auditor.get("/app/audit/trace?from=" + q(data.documentNo));

            assertThat(trace.statusCode()).isEqualTo(200);
            assertThat(trace.body()).contains("资金下达文件 " + data.documentNo + " 的去向", data.roadId,
                    data.grantProjectId, "100,000.00元", "5,000.00元", "3,500.00元", "8,500.00元",
                    data.household.cardNo(), "杜里社区居民委员会（510824100013）", "农户", "村 ",
                    "陵江镇 杜里社区居民委员会（510824100013）</td>", "class=\"nested\"")
                    .doesNotContain(data.household.idNumber(), data.household.bankCard());
        }

        @Test
        void backFromTheHouseholdToTheDocumentItsMoneyCameFrom() {
            HttpResponse<String> trace = auditor().get("/app/audit/trace?to=" + data.household.cardNo());

            assertThat(trace.body()).contains("农户 " + data.household.cardNo() + " 的来源", data.documentNo,
                    "3,500.00元").doesNotContain("8,500.00元");
        }

        @Test
        void anUnknownDocumentOrBothDirectionsAreNamedBesideTheField() {
            StaffHttp auditor = auditor();
            assertThat(auditor.get("/app/audit/trace?from=" + q("苍财农〔2011〕不存在")).body())
                    .contains("id=\"from-error\">账本里没有这个资金下达文号");
            assertThat(auditor.get("/app/audit/trace?to=S8A-nobody").body())
                    .contains("id=\"to-error\">账本里没有哪笔资金到过");
            assertThat(auditor.get("/app/audit/trace?from=a&to=b").body()).contains("id=\"to-error\">一次只能");
        }
    }

    @Nested
    class HouseholdFacts {

        private Map<String, String> reveal(String key, String reason) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("key", key);
            form.put("cardNo", data.household.cardNo());
            form.put("reason", reason);
            return form;
        }

        @Test
        void theFactsAreMaskedAndALookAtTheNumbersIsRecordedOnceForADoubleSubmit() throws Exception {
            StaffHttp auditor = auditor();
            String card = data.household.cardNo();
            HttpResponse<String> page = auditor.get("/app/audit/households?cardNo=" + card);
            assertThat(page.body()).contains("户卡号 " + card, data.household.idNumberMasked(),
                    data.household.bankCardMasked(), "登记入册", "补助批准", "3,500.00元")
                    .doesNotContain(data.household.idNumber(), data.household.bankCard());
            long before = revealsOf(card);

            Map<String, String> form = reveal(auditor.formKey(), "核对 2011 年到户补助的收款账户");
            form.put("_csrf", auditor.csrf());
            List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                atOnce.add(CompletableFuture.supplyAsync(() -> auditor.post("/app/audit/households/reveal", form,
                        false)));
            }
            List<String> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> sent : atOnce) {
                HttpResponse<String> answer = sent.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
                answers.add(StaffHttp.location(answer));
            }
            assertThat(answers.get(0)).contains("/app/audit/households/revealed/").isEqualTo(answers.get(1));
            assertThat(revealsOf(card)).isEqualTo(before + 1);
            StoredEvents.StoredEvent recorded = events.ofHousehold(card, "HouseholdPersonalDataViewedEvent").get(
                    (int) before);
            assertThat(recorded.payload().path("reason").asText()).isEqualTo("核对 2011 年到户补助的收款账户");
            assertThat(recorded.metaData().path("actor").asText()).isEqualTo("auditor");

            HttpResponse<String> answer = auditor.get(answers.get(0).replaceFirst("^https?://[^/]+", ""));
            assertThat(answer.body()).contains("本次查看已记入账本", data.household.idNumber(),
                    data.household.bankCard());
            assertThat(auditor.get("/app/audit/households?cardNo=" + card).body())
                    .contains("查看完整证件号和银行卡号").doesNotContain(data.household.idNumber());
        }

        @Test
        void aLookWithoutAReasonIsRefusedBesideTheFieldAndNothingIsRecorded() {
            StaffHttp auditor = auditor();
            String card = data.household.cardNo();
            auditor.get("/app/audit/households?cardNo=" + card);
            long before = revealsOf(card);

            HttpResponse<String> refused = auditor.post("/app/audit/households/reveal", reveal(auditor.formKey(),
                    "  "));

            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("id=\"reason-error\">请写明查看完整证件号和银行卡号的理由")
                    .doesNotContain(data.household.idNumber());
            assertThat(auditor.post("/app/audit/households/reveal", reveal(auditor.formKey(), "没有令牌"), false)
                    .statusCode()).isEqualTo(403);
            assertThat(revealsOf(card)).isEqualTo(before);
        }

        @Test
        void anUnknownCardIsNamedBesideTheField() {
            assertThat(auditor().get("/app/audit/households?cardNo=S8A-nobody").body())
                    .contains("id=\"cardNo-error\">没有这个户卡号的农户");
            assertThat(auditor().get("/app/audit/households?cardNo=" + q("<script>")).body())
                    .contains("id=\"cardNo-error\">户卡号由字母").doesNotContain("<script>");
        }
    }

    @Nested
    class Journal {

        @Test
        void theTrialBalanceAsOfTodayBalancesAndListsTheVillagesAccount() {
            StaffHttp auditor = auditor();
            HttpResponse<String> balance = auditor.get("/app/audit/journal?kind=PAID_VILLAGE:");
            assertThat(balance.statusCode()).isEqualTo(200);
            assertThat(balance.body()).contains("日终试算平衡", "借贷平衡", "已拨付到村", "PAID_VILLAGE:" + data.VILLAGE);

            HttpResponse<String> postings = auditor.get("/app/audit/journal/postings?account="
                    + q("APPROPRIATION:" + data.fundId));
            assertThat(postings.body()).contains("账户分录", "FundsAppropriatedEvent", "-100,000.00元");
        }

        @Test
        void aDayBeforeTheMoneyCameShowsNoneOfItAndABadDayIsNamed() {
            StaffHttp auditor = auditor();
            assertThat(auditor.get("/app/audit/journal/postings?asOf=2005-01-01&account="
                    + q("APPROPRIATION:" + data.fundId)).body()).contains("截至这一天，这个账户没有分录");
            assertThat(auditor.get("/app/audit/journal?asOf=2026-02-30").body())
                    .contains("id=\"asOf-error\">日期应写成");
        }
    }

    @Nested
    class RedFlags {

        private static final String FINDING = "SELF_DEALING_ATTEMPT/deputy";

        private Map<String, String> review(String key, String reason) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("key", key);
            form.put("id", FINDING);
            form.put("reason", reason);
            return form;
        }

        @Test
        void aFindingShowsItsEvidenceAndAReviewIsRecordedOnceAndShown() throws Exception {
            StaffHttp auditor = auditor();
            assertThat(auditor.get("/app/audit/red-flags").body()).contains("自批自审尝试", "deputy");
            HttpResponse<String> finding = auditor.get("/app/audit/red-flags/finding?id=" + q(FINDING));
            assertThat(finding.body()).contains("自批自审尝试：deputy", "证据事件", "<label for=\"reason\">审阅意见</label>");
            String reason = "已核对：拒绝生效，没有拨付 " + UUID.randomUUID();

            Map<String, String> form = review(auditor.formKey(), reason);
            form.put("_csrf", auditor.csrf());
            List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                atOnce.add(CompletableFuture.supplyAsync(() -> auditor.post("/app/audit/red-flags/review", form,
                        false)));
            }
            String location = null;
            for (CompletableFuture<HttpResponse<String>> sent : atOnce) {
                HttpResponse<String> answer = sent.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
                location = StaffHttp.location(answer);
            }
            assertThat(reviewsWith(reason)).isEqualTo(1);
            assertThat(auditor.get(location.replaceFirst("^https?://[^/]+", "")).body())
                    .contains("审阅意见已记录", reason, FINDING);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    auditor.get("/app/audit/red-flags/finding?id=" + q(FINDING)).body()).contains(reason));
        }

        @Test
        void aReviewWithoutAReasonOrOfNoFindingRecordsNothing() {
            StaffHttp auditor = auditor();
            auditor.get("/app/audit/red-flags/finding?id=" + q(FINDING));
            String key = auditor.formKey();
            String reason = "没有这条疑点的审阅 " + UUID.randomUUID();

            HttpResponse<String> refused = auditor.post("/app/audit/red-flags/review", review(key, " "));
            assertThat(refused.body()).contains("id=\"reason-error\">请写明审阅意见");
            HttpResponse<String> none = auditor.post("/app/audit/red-flags/review", Map.of("key", key,
                    "id", "NO_SUCH_RULE/x", "reason", reason));
            assertThat(none.body()).contains("没有这条疑点");
            assertThat(auditor.post("/app/audit/red-flags/review", review(key, reason), false)
                    .statusCode()).isEqualTo(403);

            assertThat(reviewsWith(reason)).isZero();
            assertThat(events.ofType("RedFlagReviewedEvent")).noneMatch(review -> review.payload().path("reason")
                    .asText().isBlank());
        }
    }

    @Nested
    class LedgerChecks {

        @Test
        void openingThePageRunsNothingAndTheJournalsSelfCheckPassesAsOfTodayWithEveryCheckNamed() {
            StaffHttp auditor = auditor();
            HttpResponse<String> page = auditor.get("/app/audit/checks");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>核对账本</h1>", "最近一次记入账本的对账", "现在对账", "总账自查")
                    .doesNotContain("id=\"now-result\"", "id=\"journal-result\"");

            String checked = auditor.get("/app/audit/checks?run=journal&asOf=").body();
            assertThat(checked).contains("id=\"journal-checks\"", "每个事件的分录借贷相等", "每条分录都有产生它的事件",
                    "每个涉及资金的事件都已记账", "各账户余额方向正确", "资金下达总额与总账一致");
            // the journal of events before the ledger's first money has nothing to check, and passes
            assertThat(auditor.get("/app/audit/checks?run=journal&asOf=2000-01-01").body())
                    .contains("2000-01-01 日终：", "全部通过");
        }

        @Test
        void aReconciliationRunOnRequestNamesHowFarItReadAndWhetherTheThreeRecordsAgree() {
            HttpResponse<String> run = auditor().get("/app/audit/checks?run=reconciliation");
            assertThat(run.statusCode()).isEqualTo(200);
            assertThat(run.body()).contains("id=\"now-result\"", "对账至第", "笔资金")
                    .containsAnyOf("三者一致", "处不一致");
        }

        @Test
        void aBadDayIsNamedBesideItsFieldAndNothingIsChecked() {
            String page = auditor().get("/app/audit/checks?run=journal&asOf=2026-02-30").body();
            assertThat(page).contains("id=\"asOf-error\">日期应写成").doesNotContain("id=\"journal-result\"");
        }

        @Test
        void otherRolesMayNotVerifyTheLedgerHere() {
            for (String user : List.of("clerk", "approver")) {
                HttpResponse<String> refused = StaffHttp.loggedIn(port, user).get("/app/audit/checks?run=journal");
                assertThat(refused.statusCode()).as(user).isEqualTo(403);
                assertThat(refused.body()).doesNotContain("journal-checks");
            }
        }
    }

    @Nested
    class Refusals {

        @Test
        void otherRolesAreRefusedEveryAuditScreenAndTheirLooksRecordNothing() {
            List<String> others = List.of("clerk", "approver", "township", "reviewer");
            for (String user : others) {
                StaffHttp other = StaffHttp.loggedIn(port, user);
                for (String path : List.of("/app/audit/events", "/app/audit/events.csv", "/app/audit/trace?from=x",
                        "/app/audit/households?cardNo=" + data.household.cardNo(), "/app/audit/journal",
                        "/app/audit/red-flags", "/app/audit/checks?run=journal", "/app/%61udit/events", "/app/audit/../audit/events")) {
                    HttpResponse<String> refused = other.send(HttpRequest.newBuilder(other.uri(path)).GET());
                    assertThat(refused.statusCode()).as("%s %s", user, path).isIn(400, 403);
                    assertThat(refused.body()).doesNotContain(data.household.cardNo());
                }
            }
            assertThat(events.ofType("AuditEventsViewedEvent"))
                    .noneMatch(view -> others.contains(view.payload().path("viewedBy").asText()));
            assertThat(new StaffHttp(port).get("/app/audit/events").statusCode()).isEqualTo(302);
        }

        @Test
        void theDeskListsTheAuditorsScreens() {
            StaffHttp auditor = auditor();
            HttpResponse<String> root = auditor.get("/app/audit");
            assertThat(root.statusCode()).isEqualTo(302);
            assertThat(StaffHttp.location(root)).endsWith("/app/");
            assertThat(auditor.get("/app/").body()).contains("data-role=\"AUDITOR\"", "事件历史", "资金追踪",
                    "农户档案", "总账与试算平衡", "风险提示", "核对账本");
        }
    }
}
