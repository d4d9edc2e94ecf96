package cn.fupin.ledger.disclosure.page;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A place's list of notices is grouped by the year of publication (newest first) and by kind within it, each group
 * headed with its count, so that many notices of one kind read as one group of titles that each name their village
 * and project; a list of one year (a page by year) has no year heading, and the headings never skip a level.
 */
class NoticeListTest {

    static NoticeSummaryView notice(String id, String title, String kind, String publishedAt) {
        Instant at = Instant.parse(publishedAt);
        LocalDate start = LocalDate.ofInstant(at, Formats.CHINA);
        return new NoticeSummaryView(id, title, kind, at, start, start.plusDays(10), null);
    }

    static String render(List<NoticeSummaryView> notices) {
        HtmlWriter page = new HtmlWriter();
        Sections.notices(page, "", "村级公告", notices);
        return new String(page.bytes(), StandardCharsets.UTF_8);
    }

    static List<String> headings(String html) {
        List<String> headings = new ArrayList<>();
        Matcher heading = Pattern.compile("<(h[2-4])>(.*?)</h[2-4]>").matcher(html);
        while (heading.find()) {
            headings.add(heading.group(1) + " " + heading.group(2));
        }
        return headings;
    }

    @Test
    void noticesAreGroupedByYearNewestFirstThenByKindWithTheirCounts() {
        String html = render(List.of(
                notice("N-1", "宝珠村猕猴桃产业园到户资金公示", "到户增收项目启动资金公示", "2093-05-06T02:00:00Z"),
                notice("N-2", "宝珠村猕猴桃产业园项目计划公示", "项目计划公示", "2094-03-06T02:00:00Z"),
                notice("N-3", "宝珠村肉牛养殖到户资金公示", "到户增收项目启动资金公示", "2094-05-06T02:00:00Z"),
                notice("N-4", "宝珠村猕猴桃产业园到户资金公示", "到户增收项目启动资金公示", "2094-06-06T02:00:00Z")));
        assertThat(headings(html)).containsExactly("h2 村级公告",
                "h3 2094年发布", "h4 到户增收项目启动资金公示（2件）", "h4 项目计划公示（1件）",
                "h3 2093年发布", "h4 到户增收项目启动资金公示（1件）");
        assertThat(html.indexOf("notices/N-4.html")).isLessThan(html.indexOf("notices/N-3.html"));
        assertThat(html.indexOf("notices/N-3.html")).isLessThan(html.indexOf("notices/N-2.html"));
        assertThat(html.indexOf("notices/N-2.html")).isLessThan(html.indexOf("notices/N-1.html"));
        assertThat(html).contains("发布于 2094年6月6日 · 公示期 2094年6月6日 至 2094年6月16日");
        assertThat(html.split("<section", -1)).as("one section, nothing nested").hasSize(2);
    }

    @Test
    void aListOfOneYearHasNoYearHeadingAndNoSkippedLevel() {
        String html = render(List.of(
                notice("N-2", "项目计划公示", "项目计划公示", "2094-03-06T02:00:00Z"),
                notice("N-3", "到户资金公示", "到户增收项目启动资金公示", "2094-05-06T02:00:00Z")));
        assertThat(headings(html)).containsExactly("h2 村级公告", "h3 到户增收项目启动资金公示（1件）",
                "h3 项目计划公示（1件）");
    }

    @Test
    void titlesAndKindsAreEscaped() {
        String html = render(List.of(notice("N-9", "<b>村</b>", "<i>类</i>", "2094-03-06T02:00:00Z")));
        assertThat(html).contains("&lt;b&gt;村&lt;/b&gt;").contains("&lt;i&gt;类&lt;/i&gt;（1件）")
                .doesNotContain("<b>").doesNotContain("<i>");
    }

    @Test
    void anEmptyListSaysSo() {
        assertThat(render(List.of())).contains("暂无公告。");
    }
}
