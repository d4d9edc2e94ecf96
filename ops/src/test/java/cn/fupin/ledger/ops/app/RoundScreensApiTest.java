package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents.StoredEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rounds screens over HTTP with a cookie jar, one round of fiscal year 2009 ({@link RoundStory}) from proposals to
 * the ranking: townships submit their own projects only, once however often the form is sent; reviewers declare a
 * conflict and are then refused that township's proposals, score once, and see their own scores only while the round
 * runs; each role is refused the other's forms, and a form without its CSRF token is refused; once closed, both read
 * the ranking, its recomputation from the events and who scored what. The steps share one round, so they run in order.
 */
@LedgerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoundScreensApiTest extends LedgerApiTest {

    static RoundStory story;

    private String roundPath() {
        return "/app/rounds/" + story.round();
    }

    private List<StoredEvent> submitted(String projectId) {
        return events.of(story.round(), "ProposalSubmittedEvent").stream()
                .filter(event -> projectId.equals(event.payload().path("projectId").asText())).toList();
    }

    private List<StoredEvent> scored(String projectId, String reviewer) {
        return events.of(story.round(), "ProposalScoredEvent").stream()
                .filter(event -> projectId.equals(event.payload().path("projectId").asText())
                        && reviewer.equals(event.payload().path("reviewer").asText())).toList();
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    @Test
    @Order(1)
    void aTownshipSeesTheOpenRoundAndSubmitsItsOwnProjectThroughTheScreen() {
        story = RoundStory.open(api, 2009, "屏幕");
        StaffHttp township = StaffHttp.loggedIn(port, "township");
        assertThat(township.get("/app/").body()).contains("data-role=\"TOWNSHIP\"", "href=\"/app/rounds\"");
        HttpResponse<String> list = township.get("/app/rounds?fiscalYear=2009");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("2009年度竞争性分配", "2009年度屏幕竞争性分配", "接受申报");

        HttpResponse<String> page = township.get(roundPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("乡镇考核结果", "带贫成效", "1,000.00元", "申报一个项目",
                "<label for=\"projectId\">项目</label>", "value=\"" + story.projectA() + "\"",
                "value=\"" + story.projectB() + "\"").doesNotContain("value=\"" + story.projectC() + "\"",
                "申报回避");

        HttpResponse<String> sent = township.post(roundPath() + "/proposals",
                fields("key", township.formKey(), "projectId", story.projectA()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(StaffHttp.location(sent)).contains(roundPath() + "/proposals/recorded/");
        HttpResponse<String> answer = township.get(StaffHttp.location(sent).replaceFirst("^https?://[^/]+", ""));
        assertThat(answer.body()).contains("项目已申报", story.projectA(), "屏幕产业路", "township");

        List<StoredEvent> stored = submitted(story.projectA());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).metaData().path("actor").asText()).isEqualTo("township");
        assertThat(stored.get(0).metaData().path("role").asText()).isEqualTo("TOWNSHIP");
        assertThat(stored.get(0).payload().path("requestedFen").asLong()).isEqualTo(600_00L);
    }

    @Test
    @Order(2)
    void anotherTownshipsProjectTypedByHandIsRefusedBesideTheFieldAndNothingIsRecorded() {
        StaffHttp township = StaffHttp.loggedIn(port, "township");
        township.get(roundPath());

        HttpResponse<String> refused = township.post(roundPath() + "/proposals",
                fields("key", township.formKey(), "projectId", story.projectC()));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"projectId-error\">只能申报本乡镇的项目", "aria-invalid=\"true\"",
                "没有申报");
        assertThat(submitted(story.projectC())).isEmpty();

        HttpResponse<String> again = township.post(roundPath() + "/proposals",
                fields("key", township.formKey(), "projectId", story.projectA()));
        assertThat(again.body()).contains("id=\"projectId-error\">这个项目已经参加了一轮竞争性分配");
        HttpResponse<String> empty = township.post(roundPath() + "/proposals",
                fields("key", township.formKey(), "projectId", " "));
        assertThat(empty.body()).contains("id=\"projectId-error\">请选择要申报的项目");
        assertThat(submitted(story.projectA())).hasSize(1);
    }

    @Test
    @Order(3)
    void theSameProposalFormSentThreeTimesAtOnceAndOnceMoreRecordsOnce() throws Exception {
        StaffHttp township2 = StaffHttp.loggedIn(port, "township2");
        township2.get(roundPath());
        Map<String, String> form = fields("key", township2.formKey(), "projectId", story.projectC(),
                "_csrf", township2.csrf());

        List<CompletableFuture<HttpResponse<String>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> township2.post(roundPath() + "/proposals", form, false)));
        }
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> sent : atOnce) {
            HttpResponse<String> answer = sent.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            answers.add(StaffHttp.location(answer));
        }
        answers.add(StaffHttp.location(township2.post(roundPath() + "/proposals", form, false)));

        assertThat(answers).hasSize(4).allMatch(answer -> answer.equals(answers.get(0)));
        assertThat(submitted(story.projectC())).hasSize(1);
    }

    @Test
    @Order(4)
    void eachRoleIsRefusedTheOthersFormsAndAFormWithoutItsCsrfTokenIsRefused() {
        StaffHttp reviewer = StaffHttp.loggedIn(port, "reviewer");
        reviewer.get(roundPath());
        HttpResponse<String> proposal = reviewer.post(roundPath() + "/proposals",
                fields("key", reviewer.formKey(), "projectId", story.projectB()));
        assertThat(proposal.statusCode()).isEqualTo(403);
        assertThat(proposal.body()).contains("不能办理");

        StaffHttp township = StaffHttp.loggedIn(port, "township");
        assertThat(township.get(roundPath() + "/scores/" + story.projectC()).statusCode()).isEqualTo(403);
        township.get(roundPath());
        String key = township.formKey();
        assertThat(township.post(roundPath() + "/conflicts", fields("key", key, "townshipCode", RoundStory.T2))
                .statusCode()).isEqualTo(403);
        assertThat(township.post(roundPath() + "/proposals", fields("key", key, "projectId", story.projectB()), false)
                .statusCode()).isEqualTo(403);
        // an encoded path to the township's form is no way around it for a reviewer
        assertThat(reviewer.get("/app/rounds/" + story.round() + "%2Fproposals").statusCode()).isIn(400, 403, 404);
        assertThat(submitted(story.projectB())).isEmpty();

        // the auditor has no rounds screen (the clerk and the approver read the rounds: RoundOpenCloseApiTest)
        StaffHttp auditor = StaffHttp.loggedIn(port, "auditor");
        assertThat(auditor.get("/app/rounds").statusCode()).isEqualTo(403);
        assertThat(township.get("/app/rounds/CMP-no-such-round").statusCode()).isEqualTo(404);
        assertThat(township.lastPage).contains("没有找到");
        assertThat(township.get("/app/rounds/not-a-round/ranking").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void aReviewerWhoDeclaredAConflictIsNotOfferedThatTownshipsProposalAndIsRefusedItByHand() {
        StaffHttp reviewer = StaffHttp.loggedIn(port, "reviewer");
        assertThat(reviewer.get("/app/").body()).contains("data-role=\"REVIEWER\"", "竞争性分配评审");
        HttpResponse<String> page = reviewer.get(roundPath());
        assertThat(page.body()).contains("利益冲突回避", "<label for=\"townshipCode\">回避的乡镇</label>",
                "href=\"" + roundPath() + "/scores/" + story.projectC() + "\"").doesNotContain("申报一个项目");

        HttpResponse<String> declared = reviewer.post(roundPath() + "/conflicts",
                fields("key", reviewer.formKey(), "townshipCode", RoundStory.T2));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(302);
        assertThat(reviewer.get(StaffHttp.location(declared).replaceFirst("^https?://[^/]+", "")).body())
                .contains("利益冲突已申报", "reviewer");
        assertThat(events.of(story.round(), "ConflictOfInterestDeclaredEvent").stream()
                .filter(e -> e.payload().path("reviewer").asText().equals("reviewer")
                        && e.payload().path("townshipCode").asText().equals(RoundStory.T2))).hasSize(1);

        page = reviewer.get(roundPath());
        assertThat(page.body()).contains("已申报与该乡镇有利益冲突，应当回避", "已申报回避：")
                .doesNotContain("href=\"" + roundPath() + "/scores/" + story.projectC() + "\"");
        HttpResponse<String> twice = reviewer.post(roundPath() + "/conflicts",
                fields("key", reviewer.formKey(), "townshipCode", RoundStory.T2));
        assertThat(twice.body()).contains("id=\"townshipCode-error\">您已经申报过与这个乡镇的利益冲突");

        HttpResponse<String> form = reviewer.get(roundPath() + "/scores/" + story.projectC());
        assertThat(form.body()).contains("已申报与该乡镇有利益冲突").doesNotContain("提交评分");
        reviewer.get(roundPath());
        HttpResponse<String> byHand = reviewer.post(roundPath() + "/scores/" + story.projectC(),
                fields("key", reviewer.formKey(), "points-0", "88"));
        assertThat(byHand.statusCode()).isEqualTo(200);
        assertThat(byHand.body()).contains("应当回避，不能评分");
        assertThat(scored(story.projectC(), "reviewer")).isEmpty();
    }

    @Test
    @Order(6)
    void aReviewerScoresByTheRoundsCriteriaOnceAndBadPointsAreNamedBesideTheField() {
        StaffHttp reviewer = StaffHttp.loggedIn(port, "reviewer");
        HttpResponse<String> form = reviewer.get(roundPath() + "/scores/" + story.projectA());
        assertThat(form.body()).contains("<label for=\"points-0\">带贫成效（权重 60%，0–100 分）</label>",
                "按上一年度乡镇考核结果自动计入").doesNotContain("id=\"points-1\"");

        HttpResponse<String> bad = reviewer.post(roundPath() + "/scores/" + story.projectA(),
                fields("key", reviewer.formKey(), "points-0", "101"));
        assertThat(bad.body()).contains("id=\"points-0-error\">请填写 0 至 100 之间的整数");
        assertThat(scored(story.projectA(), "reviewer")).isEmpty();

        HttpResponse<String> good = reviewer.post(roundPath() + "/scores/" + story.projectA(),
                fields("key", reviewer.formKey(), "points-0", "75"));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(302);
        assertThat(reviewer.get(StaffHttp.location(good).replaceFirst("^https?://[^/]+", "")).body())
                .contains("评分已记录", "75 分");
        List<StoredEvent> stored = scored(story.projectA(), "reviewer");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).payload().path("points").get(0).path("points").asInt()).isEqualTo(75);
        assertThat(stored.get(0).metaData().path("role").asText()).isEqualTo("REVIEWER");

        assertThat(reviewer.get(roundPath() + "/scores/" + story.projectA()).body())
                .contains("已评分（评分一经记录不能修改）").doesNotContain("提交评分");
        reviewer.get(roundPath());
        HttpResponse<String> again = reviewer.post(roundPath() + "/scores/" + story.projectA(),
                fields("key", reviewer.formKey(), "points-0", "99"));
        assertThat(again.body()).contains("您已经为这个项目评过分");
        assertThat(scored(story.projectA(), "reviewer")).hasSize(1);

        StaffHttp reviewer2 = StaffHttp.loggedIn(port, "reviewer2");
        reviewer2.get(roundPath() + "/scores/" + story.projectA());
        assertThat(reviewer2.post(roundPath() + "/scores/" + story.projectA(),
                fields("key", reviewer2.formKey(), "points-0", "61")).statusCode()).isEqualTo(302);
        reviewer2.get(roundPath() + "/scores/" + story.projectC());
        assertThat(reviewer2.post(roundPath() + "/scores/" + story.projectC(),
                fields("key", reviewer2.formKey(), "points-0", "90")).statusCode()).isEqualTo(302);

        // while the round runs, a reviewer sees their own scores only, and nobody sees a ranking
        assertThat(reviewer.get(roundPath()).body()).contains("我的评分", ">75<").doesNotContain(">61<", ">90<");
        assertThat(reviewer.get(roundPath() + "/ranking").body()).contains("尚未结束").doesNotContain("id=\"ranking\"");
    }

    @Test
    @Order(7)
    void onceClosedBothReadTheRankingItsRecomputationAndWhoScoredWhat() {
        StaffHttp reviewer = StaffHttp.loggedIn(port, "reviewer");
        reviewer.get(roundPath());
        String keyFromBefore = reviewer.formKey();
        story.close(api);
        StaffHttp township = StaffHttp.loggedIn(port, "township");
        assertThat(township.get(roundPath()).body()).contains("已结束", "查看排名和重算核对")
                .doesNotContain("/proposals\" method=\"post\"");

        HttpResponse<String> ranking = township.get(roundPath() + "/ranking");
        assertThat(ranking.statusCode()).isEqualTo(200);
        // C: 40×80.50 + 60×90 = 86.2 ranks before A: 40×90 + 60×(75+61)/2 = 76.8; both fit the 1,000 yuan budget
        assertThat(ranking.body()).contains("本轮结束时记录的排名", "屏幕山坪塘", "屏幕产业路", "86.2000", "76.8000",
                "入选", "300.00元", "600.00元", "一致：只用账本中的", "谁打了多少分", "reviewer2", ">61<", ">90<",
                "reviewer 回避");
        assertThat(ranking.body().indexOf("屏幕山坪塘")).isLessThan(ranking.body().indexOf("屏幕产业路"));
        assertThat(ranking.body()).doesNotContain("不一致");

        assertThat(reviewer.get(roundPath() + "/ranking").body()).contains("一致：只用账本中的", "86.2000");
        assertThat(reviewer.get(roundPath()).body()).doesNotContain("申报回避</button>");
        HttpResponse<String> late = reviewer.post(roundPath() + "/conflicts",
                fields("key", keyFromBefore, "townshipCode", RoundStory.T1));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("这一轮已经结束");
    }
}
