package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which items a notice's page shows as held from payment by objections, and why: pending objections (since the
 * first, how many), or an upheld one awaiting its correction; never who objected or what they wrote.
 */
class HeldItemsTest {

    static final Instant FIRST = Instant.parse("2094-05-07T01:00:00Z");
    static final Instant SECOND = Instant.parse("2094-05-08T01:00:00Z");
    static final Instant RESOLVED = Instant.parse("2094-05-09T01:00:00Z");

    static NoticeView grantList(String supersededBy, NoticeView.ObjectionOutcome... objections) {
        NoticeView list = Fixtures.grantList();
        return new NoticeView(list.content(), list.contentJson(), list.contentSha256(), list.kindName(),
                list.levelName(), list.publishedAt(), list.periodEndsAt(), supersededBy, 0, List.of(objections));
    }

    static NoticeView.ObjectionOutcome pending(String id, String item, Instant at) {
        return new NoticeView.ObjectionOutcome(id, item, at, "PENDING", null, null);
    }

    static String page(NoticeView notice) {
        return new String(Pages.notice(Fixtures.noticePage(notice)), StandardCharsets.UTF_8);
    }

    @Test
    void anItemWithPendingObjectionsIsHeldSinceTheFirstOfThem() {
        List<HeldItems.HeldItem> held = HeldItems.of(grantList(null, pending("OBJ-2", "DSB-0002", SECOND),
                pending("OBJ-1", "DSB-0002", FIRST)));

        assertThat(held).containsExactly(new HeldItems.HeldItem("DSB-0002", HeldItems.Reason.OBJECTION_PENDING, FIRST,
                2));
    }

    @Test
    void anItemWithAnUpheldObjectionIsHeldUntilACorrectionSupersedesTheNotice() {
        NoticeView.ObjectionOutcome upheld = new NoticeView.ObjectionOutcome("OBJ-1", "DSB-0003", FIRST, "UPHELD",
                "属实", RESOLVED);

        assertThat(HeldItems.of(grantList(null, upheld))).containsExactly(
                new HeldItems.HeldItem("DSB-0003", HeldItems.Reason.CORRECTION_DUE, RESOLVED, 0));
        assertThat(HeldItems.of(grantList("N-2094-0103", upheld))).isEmpty();
    }

    @Test
    void pendingObjectionsHoldEvenOnceTheNoticeIsCorrectedAndDismissedOnesNever() {
        List<HeldItems.HeldItem> held = HeldItems.of(grantList("N-2094-0103", pending("OBJ-1", "DSB-0003", FIRST),
                new NoticeView.ObjectionOutcome("OBJ-2", "DSB-0001", FIRST, "DISMISSED", "不属实", RESOLVED),
                new NoticeView.ObjectionOutcome("OBJ-3", "DSB-0002", SECOND, "DISMISSED", "重复", RESOLVED, "OBJ-1")));

        assertThat(held).extracting(HeldItems.HeldItem::item).containsExactly("DSB-0003");
    }

    @Test
    void heldItemsComeInTheOrderOfTheNoticesRows() {
        List<HeldItems.HeldItem> held = HeldItems.of(grantList(null, pending("OBJ-1", "DSB-0003", FIRST),
                pending("OBJ-2", "DSB-0001", SECOND)));

        assertThat(held).extracting(HeldItems.HeldItem::item).containsExactly("DSB-0001", "DSB-0003");
    }

    @Test
    void thePageSaysWhichItemsAreHeldAndWhyWithoutAnyonesWords() {
        String html = page(grantList(null, pending("OBJ-1", "DSB-0002", FIRST),
                new NoticeView.ObjectionOutcome("OBJ-2", "DSB-0003", FIRST, "UPHELD", "该户已脱贫退出", RESOLVED),
                new NoticeView.ObjectionOutcome("OBJ-3", "DSB-0002", SECOND, "DISMISSED", "内容相同", RESOLVED,
                        "OBJ-1")));

        String section = html.substring(html.indexOf("<section class=\"held\">"),
                html.indexOf("</section>", html.indexOf("<section class=\"held\">")));
        assertThat(section).contains("暂缓拨付的条目", "序号2", "异议办理中（1 件）", "2094年5月7日",
                "序号3", "异议成立，待发布更正公告");
        assertThat(section).doesNotContain("该户已脱贫退出", "序号1", "DSB-");
        assertThat(html).contains("与异议OBJ-1重复，合并办理：内容相同");
    }

    @Test
    void aNoticeNothingHoldsHasNoSuchPart() {
        assertThat(page(grantList(null))).doesNotContain("暂缓拨付的条目");
    }
}
