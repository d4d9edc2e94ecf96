package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a villager reads on a notice page and picks in its objection form is a short number, the row's place in the
 * list (序号 1, 2, 3 …), never the record id behind it (a disbursement's or a project's id, which may be a UUID). The
 * record ids stay in the notice's JSON, the published content whose SHA-256 was recorded, and in what the form posts,
 * because the ledger files an objection against a record.
 */
class ItemNumbersTest {

    static String page(NoticeView notice) {
        return new String(Pages.notice(Fixtures.noticePage(notice)), StandardCharsets.UTF_8);
    }

    /** The page as a reader sees it: no tags, no attribute values (where the form keeps the record ids it posts). */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]*>", " ");
    }

    static List<String> items(NoticeView notice) {
        return notice.content().rows().stream().map(NoticeContent.Row::item).toList();
    }

    @Test
    void theTableNumbersItsRowsInTheListsOrderWhereItShowedRecordIds() {
        String html = page(Fixtures.grantList());

        assertThat(html).contains("<tr><th scope=\"col\" class=\"num\">序号</th><th scope=\"col\">户主</th>",
                "<tr><td class=\"num\">1</td><td>王*春</td>", "<tr><td class=\"num\">2</td><td>欧**明</td>",
                "<tr><td class=\"num\">3</td><td>李*</td>");
        assertThat(html).doesNotContain("条目编号");
    }

    @Test
    void theFormOffersEachItemByItsNumberAndCellsAndPostsItsRecordId() {
        String html = page(Fixtures.correction());

        assertThat(ObjectionFormTest.section(html)).contains("<option value=\"\">请选择条目</option>\n"
                + "<option value=\"DSB-0001\">序号1：王*春，3,000.00元</option>\n"
                + "<option value=\"DSB-0002\">序号2：欧**明，3,500.00元，移民贫困户</option>\n");
    }

    @Test
    void theObjectionsTableNamesEachObjectionsItemByItsNumber() {
        String html = page(Fixtures.grantList());

        assertThat(html).contains("<tr><td>OBJ-0002</td><td>2094年5月8日 09:30</td><td>序号3</td><td>异议成立</td>",
                "<tr><td>OBJ-0003</td><td>2094年5月9日 09:30</td><td>序号2</td><td>办理中</td>");
    }

    @Test
    void noRecordIdIsLeftForAVillagerToReadOnAnyNoticePage() {
        for (NoticeView notice : Fixtures.allNotices()) {
            String text = visibleText(page(notice));

            for (String item : items(notice)) {
                assertThat(text).as("the page of %s", notice.content().noticeId()).doesNotContain(item);
            }
        }
    }

    @Test
    void theJsonStillListsEachRowByItsRecordId() {
        NoticeView notice = Fixtures.grantList();

        assertThat(new String(NoticeJson.render(notice.content()), StandardCharsets.UTF_8))
                .contains("\"rows\":[{\"item\":\"DSB-0001\",", "{\"item\":\"DSB-0002\",", "{\"item\":\"DSB-0003\",");
    }

    @Test
    void theReceiptOfAnObjectionNamesTheItemAsTheFormOfferedIt() {
        String receipt = new String(Pages.objectionReceived(ObjectionAnswersTest.receipt(), ObjectionAnswersTest.ROOT),
                StandardCharsets.UTF_8);

        assertThat(receipt).contains("<dd>序号2：欧**明，3,500.00元，移民贫困户</dd>").doesNotContain("DSB-0002");
    }
}
