package cn.fupin.ledger.disclosure.page;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each line of a list of notices names what tells the notice apart — township, village, project, amount — and until
 * when it is open for objection; parts a notice does not state are left out (never an empty "·"), a notice stating
 * none is named by its title, and every part is escaped.
 */
class NoticeEntryTest {

    static final Instant MARCH = Instant.parse("2094-03-16T02:00:00Z");

    static NoticeSummaryView notice(String township, String village, String project, String amount) {
        return new NoticeSummaryView("N-1", "白鹤村到户资金公示", "到户增收项目启动资金公示", MARCH,
                LocalDate.of(2094, 3, 16), LocalDate.of(2094, 3, 26), null, township, village, project, amount);
    }

    static String render(NoticeSummaryView notice) {
        HtmlWriter page = new HtmlWriter();
        Sections.notices(page, "", "村级公告", List.of(notice));
        return new String(page.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void everyPartInOrderThenTheEndOfThePeriod() {
        NoticeSummaryView notice = notice("文昌镇", "白鹤村", "贫困户增收项目启动资金", "12.00万元");

        assertThat(NoticeEntry.text(notice)).isEqualTo("文昌镇 · 白鹤村 · 贫困户增收项目启动资金 · 12.00万元 · 公示至 3月26日");
        assertThat(render(notice))
                .contains("<a href=\"notices/N-1.html\">文昌镇 · 白鹤村 · 贫困户增收项目启动资金 · 12.00万元 · 公示至 3月26日</a>")
                .contains("白鹤村到户资金公示 · 发布于 2094年3月16日 · 公示期 2094年3月16日 至 2094年3月26日");
    }

    @Test
    void aMissingPartIsLeftOutAndANoticeWithoutAmountShowsNone() {
        assertThat(NoticeEntry.text(notice(null, "白鹤村", "猕猴桃产业园", null)))
                .isEqualTo("白鹤村 · 猕猴桃产业园 · 公示至 3月26日");
        assertThat(NoticeEntry.text(notice(null, null, null, "500.00万元"))).isEqualTo("500.00万元 · 公示至 3月26日");
    }

    @Test
    void aNoticeNamingOnlyItsPlaceIsNamedByItsTitle() {
        assertThat(NoticeEntry.text(notice("文昌镇", "白鹤村", null, null))).isEqualTo("白鹤村到户资金公示 · 公示至 3月26日");
    }

    @Test
    void aNoticeStatingNoPartIsNamedByItsTitleOnce() {
        NoticeSummaryView notice = notice(null, null, null, null);

        assertThat(NoticeEntry.text(notice)).isEqualTo("白鹤村到户资金公示 · 公示至 3月26日");
        assertThat(render(notice).split("白鹤村到户资金公示", -1)).as("the title once, not again beneath").hasSize(2);
    }

    @Test
    void aPeriodEndingInTheNextYearSaysItsYear() {
        NoticeSummaryView december = new NoticeSummaryView("N-2", "公示", "项目计划公示",
                Instant.parse("2094-12-28T02:00:00Z"), LocalDate.of(2094, 12, 28), LocalDate.of(2095, 1, 7), null,
                null, "白鹤村", "道路硬化", null);

        assertThat(NoticeEntry.text(december)).isEqualTo("白鹤村 · 道路硬化 · 公示至 2095年1月7日");
    }

    @Test
    void everyPartIsEscaped() {
        String html = render(notice("<b>镇</b>", "村&amp;", "<script>x</script>", "\"1\"万元"));

        assertThat(html).contains("&lt;b&gt;镇&lt;/b&gt; · 村&amp;amp; · &lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<b>").doesNotContain("<script>");
    }
}
