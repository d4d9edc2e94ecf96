package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents.StoredEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Opening and closing rounds through the screens over HTTP with a cookie jar (fiscal years 2019 and 2023): a clerk's
 * form with bad input is answered beside each field — the screen's own checks, then the round's rules (weights that do
 * not sum to 100, a budget above what the fund can promise) — and records nothing; the same form sent four times opens
 * one round; a township may not open, a clerk may not close, an approver is refused before the deadline and closes
 * after it, once, with the ranking linked from the answer page.
 */
@LedgerTest
class RoundOpenCloseApiTest extends LedgerApiTest {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** A round form for fund {@code fund} of 2019 named {@code name}, deadline a day ahead by the ledger's clock. */
    private Map<String, String> form(StaffHttp clerk, String fund, String name) {
        return fields("key", clerk.formKey(), "name", name, "fiscalYear", "2019", "fundId", fund,
                "budgetYuan", "800.50", "deadline", MINUTE.format(new Ledger(api).now().plus(Duration.ofDays(1))),
                "assessmentWeight", "40", "criterionName-0", "带贫成效", "criterionWeight-0", "60",
                "criterionName-1", "", "criterionWeight-1", "");
    }

    private List<StoredEvent> opened(String name) {
        return events.ofType("CompetitionOpenedEvent").stream()
                .filter(event -> name.equals(event.payload().path("name").asText())).toList();
    }

    private static String path(HttpResponse<String> redirect) {
        return StaffHttp.location(redirect).replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void badInputIsAnsweredBesideEachFieldAndNothingIsOpened() {
        String fund = new Ledger(api).appropriate(2019, "PROVINCIAL", 1_000, "川财农〔2019〕open-"
                + UUID.randomUUID().toString().substring(0, 8));
        String name = "2019年度退回" + UUID.randomUUID().toString().substring(0, 6);
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        assertThat(clerk.get("/app/").body()).contains("data-role=\"CLERK\"", "href=\"/app/rounds\"");
        assertThat(clerk.get("/app/rounds?fiscalYear=2019").body()).contains("href=\"/app/rounds/new?fiscalYear=2019\"");
        HttpResponse<String> page = clerk.get("/app/rounds/new?fiscalYear=2019");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"budgetYuan\">", "<label for=\"criterionName-0\">",
                "value=\"" + fund + "\"");

        Map<String, String> typed = form(clerk, fund, name);
        typed.putAll(fields("budgetYuan", "八百", "deadline", "下周五", "criterionWeight-0", "sixty",
                "criterionName-1", "乡镇考核结果", "criterionWeight-1", "10", "fiscalYear", "19"));
        HttpResponse<String> screen = clerk.post("/app/rounds/new", typed);
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(screen.body()).contains("id=\"budgetYuan-error\">金额应为元",
                "id=\"deadline-error\">请按“2023-04-15 17:00”的样子填写", "id=\"criterionWeight-0-error\">权重应为 1 至 100",
                "id=\"criterionName-1-error\">乡镇考核结果按记录自动计入", "id=\"fiscalYear-error\">年度应为",
                "aria-invalid=\"true\"", "没有开启", "value=\"八百\"");

        Map<String, String> notHundred = form(clerk, fund, name);
        notHundred.put("criterionWeight-0", "50");
        HttpResponse<String> rules = clerk.post("/app/rounds/new", notHundred);
        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(rules.body()).contains("id=\"criteria-error\">各项评分标准的权重合计须为 100");

        Map<String, String> tooMuch = form(clerk, fund, name);
        tooMuch.put("budgetYuan", "1000.01");
        HttpResponse<String> fundRefused = clerk.post("/app/rounds/new", tooMuch);
        assertThat(fundRefused.body()).contains("id=\"budgetYuan-error\">预算超过了这笔资金目前的可用余额");

        Map<String, String> past = form(clerk, fund, name);
        past.put("deadline", "2019-01-01 09:00");
        assertThat(clerk.post("/app/rounds/new", past).body()).contains("id=\"deadline-error\">申报截止时间须在现在之后");

        Map<String, String> otherYear = form(clerk, fund, name);
        otherYear.put("fiscalYear", "2018");
        assertThat(clerk.post("/app/rounds/new", otherYear).body()).contains("id=\"fundId-error\">资金须与本轮是同一年度的");
        assertThat(opened(name)).isEmpty();
    }

    @Test
    void theSameFormSentFourTimesOpensOneRoundAndItsAnswerShowsWhatWasRecorded() throws Exception {
        String fund = new Ledger(api).appropriate(2019, "PROVINCIAL", 1_000, "川财农〔2019〕twice-"
                + UUID.randomUUID().toString().substring(0, 8));
        String name = "2019年度连点" + UUID.randomUUID().toString().substring(0, 6);
        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        clerk.get("/app/rounds/new?fiscalYear=2019");
        Map<String, String> form = form(clerk, fund, name);
        form.put("_csrf", clerk.csrf());

        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> clerk.post("/app/rounds/new", form, false)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> sent : atOnce) {
            HttpResponse<String> answer = sent.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            answers.add(path(answer));
        }
        answers.add(path(clerk.post("/app/rounds/new", form, false)));
        assertThat(answers).hasSize(4).allMatch(answer -> answer.equals(answers.get(0)));
        assertThat(answers.get(0)).startsWith("/app/rounds/new/recorded/");

        List<StoredEvent> stored = opened(name);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).payload().path("budgetFen").asLong()).isEqualTo(800_50L);
        assertThat(stored.get(0).payload().path("fundId").asText()).isEqualTo(fund);
        assertThat(stored.get(0).payload().path("criteria").toString()).contains("TOWNSHIP_ASSESSMENT", "带贫成效");
        assertThat(stored.get(0).metaData().path("actor").asText()).isEqualTo("clerk");
        assertThat(stored.get(0).metaData().path("role").asText()).isEqualTo("CLERK");

        HttpResponse<String> answer = clerk.get(answers.get(0));
        String round = stored.get(0).payload().path("competitionId").asText();
        assertThat(answer.body()).contains("竞争性分配已开启", name, "800.50元", "乡镇考核结果 40%、带贫成效 60%",
                "id=\"roundId\">" + round, "href=\"/app/rounds/" + round + "\"");
    }

    @Test
    void aTownshipMayNotOpenAClerkMayNotCloseAndAnApproverClosesOnlyAfterTheDeadlineOnce() {
        RoundStory story = RoundStory.open(api, 2023, "结束");
        api.as("township").post("/api/competitions/" + story.round() + "/proposals",
                "{\"projectId\": \"" + story.projectA() + "\"}");
        String roundPath = "/app/rounds/" + story.round();

        StaffHttp township = StaffHttp.loggedIn(port, "township");
        assertThat(township.get("/app/rounds/new").statusCode()).isEqualTo(403);
        township.get(roundPath);
        assertThat(township.post("/app/rounds/new", fields("key", "x", "fiscalYear", "2023")).statusCode())
                .isEqualTo(403);

        StaffHttp clerk = StaffHttp.loggedIn(port, "clerk");
        HttpResponse<String> clerkReads = clerk.get(roundPath);
        assertThat(clerkReads.statusCode()).isEqualTo(200);
        assertThat(clerkReads.body()).contains("2023年度结束竞争性分配", "结束产业路").doesNotContain("结束本轮并排名");
        assertThat(clerk.post(roundPath + "/close", fields("key", "x")).statusCode()).isEqualTo(403);

        StaffHttp approver = StaffHttp.loggedIn(port, "approver");
        assertThat(approver.get("/app/").body()).contains("data-role=\"APPROVER\"", "href=\"/app/rounds\"");
        HttpResponse<String> early = approver.get(roundPath);
        assertThat(early.body()).contains("结束本轮", "以后才能结束本轮", "1 个申报项目");
        // typed by hand before the deadline: the round refuses, translated
        HttpResponse<String> refused = approver.post(roundPath + "/close", fields("key", approver.formKey()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("没有结束本轮：申报截止以后才能结束本轮");
        assertThat(events.of(story.round(), "CompetitionClosedEvent")).isEmpty();
        assertThat(approver.post(roundPath + "/close", fields("key", approver.formKey()), false).statusCode())
                .as("a form without its CSRF token").isEqualTo(403);

        new Ledger(api).advanceDays(1);
        assertThat(approver.get(roundPath).body()).contains("结束本轮并排名", "1 个项目还没有专家评分")
                .doesNotContain("以后才能结束本轮");
        Map<String, String> close = fields("key", approver.formKey(), "_csrf", approver.csrf());
        HttpResponse<String> closed = approver.post(roundPath + "/close", close, false);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(302);
        HttpResponse<String> again = approver.post(roundPath + "/close", close, false);
        assertThat(path(again)).isEqualTo(path(closed));
        List<StoredEvent> stored = events.of(story.round(), "CompetitionClosedEvent");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).metaData().path("actor").asText()).isEqualTo("approver");

        HttpResponse<String> answer = approver.get(path(closed));
        assertThat(answer.body()).contains("本轮已结束", "id=\"ranked\">1 个", "id=\"awarded\">1 个",
                "id=\"awardedAmount\">600.00元", "id=\"left\">400.00元", "href=\"" + roundPath + "/ranking\"");
        HttpResponse<String> ranking = approver.get(roundPath + "/ranking");
        assertThat(ranking.statusCode()).isEqualTo(200);
        assertThat(ranking.body()).contains("结束产业路", "一致");
        assertThat(approver.get(roundPath).body()).contains("本轮已经结束，排名已记录").doesNotContain("结束本轮并排名");
    }
}
