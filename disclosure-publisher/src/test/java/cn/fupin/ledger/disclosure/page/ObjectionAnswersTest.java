package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages that answer an objection posted from a notice's form, in Chinese, with the layout of every page: the
 * number of a recorded objection and the way back; why one was not recorded and what to do instead. They repeat
 * nothing the villager typed (they are never handed it), and every value on them is escaped.
 */
class ObjectionAnswersTest {

    static final String ROOT = "/disclosure/";

    static String html(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }

    static ObjectionReceipt receipt() {
        NoticeView notice = Fixtures.correction();
        return new ObjectionReceipt(Fixtures.pathOf(notice), notice, "N-2094-0103", "OBJ-7f3c2a10-0000-4000-8000-000000000001",
                "DSB-0002");
    }

    static ObjectionRefusal refusal(List<String> codes) {
        NoticeView notice = Fixtures.correction();
        return new ObjectionRefusal(Fixtures.pathOf(notice), notice, codes, null, 0);
    }

    @Test
    void aReceivedObjectionsPageMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("objection-received.html", Pages.objectionReceived(receipt(), ROOT));
    }

    @Test
    void aRefusedObjectionsPageMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("objection-refused.html",
                Pages.objectionRefused(refusal(List.of("TEXT_REQUIRED", "CONTACT_INVALID")), ROOT));
    }

    @Test
    void theRefusalOfAnUnknownNoticeMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("objection-refused-unknown-notice.html", Pages.objectionRefused(
                new ObjectionRefusal(PlacePath.county(Fixtures.COUNTY), null, List.of("NOTICE_NOT_FOUND"), null, 0), ROOT));
    }

    @Test
    void aReceiptGivesTheNumberNamesTheItemAsTheFormOfferedItAndLeadsBackToTheNotice() {
        String page = html(Pages.objectionReceived(receipt(), ROOT));

        assertThat(page).contains("<h1>异议已收到</h1>", "<strong>OBJ-7f3c2a10-0000-4000-8000-000000000001</strong>",
                "<dd>序号2：欧**明，3,500.00元，移民贫困户</dd>",
                "<a href=\"/disclosure/notices/N-2094-0103.html\">返回公告</a>",
                "<link rel=\"stylesheet\" href=\"/disclosure/style.css\">");
    }

    @Test
    void aReceiptForANoticeThePublicPagesDoNotKnowYetStillGivesTheNumber() {
        String page = html(Pages.objectionReceived(new ObjectionReceipt(PlacePath.county(Fixtures.COUNTY), null,
                "N-2094-0199", "OBJ-1", "DSB-0001"), ROOT));

        assertThat(page).contains("<strong>OBJ-1</strong>", "<dd>N-2094-0199</dd>", "<dd>DSB-0001</dd>",
                "<a href=\"/disclosure/index.html\">返回公告公示首页</a>");
    }

    @Test
    void aRefusalTheVillagerCanPutRightLeadsBackToTheForm() {
        String page = html(Pages.objectionRefused(refusal(List.of("TEXT_REQUIRED", "CONTACT_INVALID")), ROOT));

        assertThat(page).contains("<h1>异议没有提交成功</h1>", "<li>请填写异议内容。</li>", "<li>联系方式最多100字，只能写一行。</li>",
                "这次提交的异议没有登记。",
                "<a href=\"/disclosure/notices/N-2094-0103.html#objection\">返回公告，修改后重新提交</a>",
                "<a href=\"tel:0839-5222000\">0839-5222000</a>", "<a href=\"tel:12317\">12317</a>");
    }

    @Test
    void aRefusalAfterThePeriodSaysItIsOverAndDoesNotInviteAnotherTry() {
        String page = html(Pages.objectionRefused(refusal(List.of("OBJECTION_PERIOD_ENDED")), ROOT));

        assertThat(page).contains("<p class=\"alert\">本公告的公示期已经结束，不再在网上受理异议。</p>",
                "<a href=\"/disclosure/notices/N-2094-0103.html\">返回公告</a>").doesNotContain("重新提交");
    }

    @Test
    void aRefusalOfASupersededNoticeLinksToItsCorrection() {
        NoticeView superseded = Fixtures.grantList();
        String page = html(Pages.objectionRefused(new ObjectionRefusal(Fixtures.pathOf(superseded), superseded,
                List.of("NOTICE_SUPERSEDED"), null, 0), ROOT));

        assertThat(page).contains("本公告已被更正，请对更正公告提出异议。",
                "<a href=\"/disclosure/notices/N-2094-0103.html\">查看更正公告（N-2094-0103）</a>");
    }

    @Test
    void tooManyObjectionsFromOneAddressSayHowLongToWait() {
        NoticeView notice = Fixtures.correction();

        assertThat(html(Pages.objectionRefused(new ObjectionRefusal(Fixtures.pathOf(notice), notice,
                List.of("RATE_LIMITED"), null, 42), ROOT))).contains("请约42秒后再试。");
        assertThat(html(Pages.objectionRefused(new ObjectionRefusal(Fixtures.pathOf(notice), notice,
                List.of("RATE_LIMITED"), null, 61), ROOT))).contains("请约2分钟后再试。");
    }

    @Test
    void anInternalErrorShowsItsIncidentIdAndNothingElseOfTheFailure() {
        String page = html(Pages.objectionRefused(new ObjectionRefusal(PlacePath.county(Fixtures.COUNTY), null,
                List.of("INTERNAL_ERROR"), "5f0c1d2e-0000-4000-8000-00000000beef", 0), ROOT));

        assertThat(page).contains("系统出错了", "出错编号：5f0c1d2e-0000-4000-8000-00000000beef")
                .doesNotContain("Exception", "at cn.");
    }

    @Test
    void everyValueOnTheAnswerPagesIsEscaped() {
        String received = html(Pages.objectionReceived(Hostile.everyText(receipt()), ROOT));
        String refused = html(Pages.objectionRefused(Hostile.everyText(new ObjectionRefusal(Fixtures.pathOf(
                Fixtures.grantList()), Fixtures.grantList(), List.of("NOTICE_SUPERSEDED"), "incident", 0)), ROOT));

        for (String page : List.of(received, refused)) {
            assertThat(page).doesNotContain("<script", "<img", "onerror=\"").contains("&lt;script&gt;alert(&#39;");
            assertThat(EscapingTest.tags(page)).doesNotContain("script", "img");
        }
    }

    @Test
    void theAnswerPagesAreChineseUtf8SizedForAPhoneAndWithoutScript() {
        for (String page : List.of(html(Pages.objectionReceived(receipt(), ROOT)),
                html(Pages.objectionRefused(refusal(List.of("ITEM_NOT_LISTED")), ROOT)))) {
            assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .doesNotContainIgnoringCase("<script").doesNotContain("javascript:");
        }
    }
}
