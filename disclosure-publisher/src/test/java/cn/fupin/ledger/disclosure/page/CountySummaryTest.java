package cn.fupin.ledger.disclosure.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fupin.ledger.shared.disbursement.GrantCoverageView;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.OpenNoticeView;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundView;
import cn.fupin.ledger.shared.place.TownshipView;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectStatus;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The county page's summary (一图看懂) as a pure function: its figures are the exact sums of its data, each chart's bars
 * are proportional to the figures, the table beneath each chart holds the same figures, names are escaped in the chart
 * and the table alike, and "公示中" lists the open notices with their places and last days.
 */
class CountySummaryTest {

    static final String HOSTILE = "<script>alert('x')</script>&\"镇";

    static ProjectSummaryView project(String id, String workArea, String townshipCode, String townshipName,
                                      long budgetFen, ProjectStatus status) {
        return new ProjectSummaryView(id, "项目" + id, workArea, townshipCode + "201", "某村村民委员会", townshipCode,
                townshipName, null, List.of(new BudgetLine("FUND-510824-2094-CENTRAL", budgetFen)), budgetFen, 0, 0,
                "村委会", townshipName + "人民政府", LocalDate.of(2094, 3, 1), LocalDate.of(2094, 10, 31), 10, 30,
                "建设内容", "带贫机制", "每户3,000.00元", "张主任", "0839-5222222", null, status,
                status == ProjectStatus.PROPOSED ? null : "苍扶〔2094〕" + id + "号");
    }

    static FundView fund(int year, FundSource source, long fen) {
        return new FundView("FUND-510824-" + year + "-" + source.name(), year, source, fen, 0, 0, fen);
    }

    static CountyPage page(List<FundView> funds, List<ProjectSummaryView> projects, List<GrantCoverageView> coverage,
                           List<OpenNoticeView> open, boolean moreOpen, List<TownshipView> townships) {
        return new CountyPage(PlacePath.county(Fixtures.COUNTY), townships, List.of(2094, 2093), funds, List.of(),
                2094, List.of(), List.of(), projects, coverage, List.of(), false, open, moreOpen);
    }

    static CountyPage sample() {
        return page(List.of(
                        fund(2093, FundSource.COUNTY, 999_999_999L),
                        fund(2094, FundSource.CENTRAL, 500_000_000L),
                        fund(2094, FundSource.COUNTY, 1_250_000_000L),
                        fund(2094, FundSource.DONATION, 1_234_567L)),
                List.of(project("P1", "村组道路", "510824105", "白桥镇", 80_000_000L, ProjectStatus.APPROVED),
                        project("P2", "特色产业", "510824105", "白桥镇", 50_000_000L, ProjectStatus.IMPLEMENTING),
                        project("P3", "村组道路", "510824102", "云峰镇", 20_000_000L, ProjectStatus.COMPLETED),
                        project("P4", "特色产业", "510824102", "云峰镇", 999_000_000L, ProjectStatus.PROPOSED)),
                List.of(new GrantCoverageView("TOWNSHIP", "510824102", "云峰镇", 200, 50, 15_000_000L),
                        new GrantCoverageView("TOWNSHIP", "510824105", "白桥镇", 412, 287, 86_100_000L)),
                Fixtures.openNotices(), false, List.of(Fixtures.YUNFENG_VIEW, Fixtures.BAIQIAO_VIEW));
    }

    static String html(CountyPage page) {
        return new String(Pages.county(page), StandardCharsets.UTF_8);
    }

    /** The chart with this id: its bars' labels, value texts and lengths, in order. */
    record Drawn(List<String> labels, List<String> values, List<Long> lengths) {
    }

    static Drawn chart(String html, String id) {
        Matcher svg = Pattern.compile("<svg [^>]*id=\"" + id + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(html);
        assertThat(svg.find()).as("chart %s", id).isTrue();
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        Matcher text = Pattern.compile("<text x=\"(\\d+)\"[^>]*>(.*?)</text>").matcher(svg.group(1));
        while (text.find()) {
            (text.group(1).equals("0") ? labels : values).add(text.group(2));
        }
        Matcher rect = Pattern.compile("<rect class=\"bar\"[^>]* width=\"(\\d+)\"").matcher(svg.group(1));
        while (rect.find()) {
            lengths.add(Long.parseLong(rect.group(1)));
        }
        return new Drawn(labels, values, lengths);
    }

    /** The rows (label cell, value cell) of the table right after the chart with this id. */
    static List<List<String>> tableAfter(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        int start = html.indexOf("<tbody>", at);
        int end = html.indexOf("</tbody>", start);
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr><td>(?:<a href=\"[^\"]*\">)?(.*?)(?:</a>)?</td><td class=\"num\">(.*?)</td></tr>")
                .matcher(html.substring(start, end));
        while (row.find()) {
            rows.add(List.of(row.group(1), row.group(2)));
        }
        return rows;
    }

    @Nested
    class Figures {

        @Test
        void theMoneyReceivedIsTheCurrentYearsFundsBySourceToTheFen() {
            CountySummary.Figures figures = CountySummary.figures(sample());
            assertThat(figures.receivedFen()).isEqualTo(500_000_000L + 1_250_000_000L + 1_234_567L);
            assertThat(figures.bySource()).extracting(BarChart.Bar::label)
                    .containsExactly("中央财政专项扶贫资金", "县本级财政扶贫资金", "社会捐赠资金");
            assertThat(figures.bySource()).extracting(BarChart.Bar::value)
                    .containsExactly(500_000_000L, 1_250_000_000L, 1_234_567L);
            assertThat(html(sample())).contains("<strong>1,751.23万元</strong>");
        }

        @Test
        void whereItWentCountsOnlyApprovedProjectsByWorkAreaAndTownshipLargestFirst() {
            CountySummary.Figures figures = CountySummary.figures(sample());
            assertThat(figures.projects()).isEqualTo(3);
            assertThat(figures.projectBudgetFen()).isEqualTo(150_000_000L);
            assertThat(figures.byWorkArea()).extracting(BarChart.Bar::label, BarChart.Bar::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("村组道路", 100_000_000L),
                            org.assertj.core.groups.Tuple.tuple("特色产业", 50_000_000L));
            assertThat(figures.byTownship()).extracting(BarChart.Bar::label, BarChart.Bar::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("白桥镇", 130_000_000L),
                            org.assertj.core.groups.Tuple.tuple("云峰镇", 20_000_000L));
        }

        @Test
        void coverageIsGrantedOverRegisteredByTownshipAndInTotal() {
            CountySummary.Figures figures = CountySummary.figures(sample());
            assertThat(figures.registered()).isEqualTo(612);
            assertThat(figures.granted()).isEqualTo(337);
            assertThat(figures.coverage()).extracting(BarChart.Bar::value).containsExactly(250L, 696L);
            assertThat(figures.coverage()).extracting(BarChart.Bar::valueText)
                    .containsExactly("25.0%（50/200户）", "69.7%（287/412户）");
            assertThat(html(sample())).contains("<strong>337/612户（55.1%）</strong>");
        }

        @Test
        void aTownshipWithoutRegisteredHouseholdsIsLeftOutOfTheCoverageChartButCountsInNoTotal() {
            CountyPage page = page(List.of(fund(2094, FundSource.CENTRAL, 100L)), List.of(),
                    List.of(new GrantCoverageView("TOWNSHIP", "510824102", "云峰镇", 0, 0, 0),
                            new GrantCoverageView("TOWNSHIP", "510824105", "白桥镇", 4, 1, 300_000L)),
                    List.of(), false, List.of());
            assertThat(CountySummary.figures(page).coverage()).extracting(BarChart.Bar::label).containsExactly("白桥镇");
            assertThat(tableAfter(html(page), "chart-coverage")).containsExactly(List.of("白桥镇", "25.0%（1/4户）"));
        }

        @Test
        void aPageWithoutAYearSaysSoAndStillListsWhatIsOpen() {
            CountyPage empty = new CountyPage(PlacePath.county(Fixtures.COUNTY), List.of(), List.of(), List.of(),
                    List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), false,
                    Fixtures.openNotices(), false);
            String html = html(empty);
            assertThat(html).contains("暂无资金下达记录。").contains("公示中（可提出异议）").doesNotContain("<svg");
        }
    }

    @Nested
    class Charts {

        @Test
        void barsAreProportionalToTheirFiguresAndTheLargestSpansTheChart() {
            String html = html(sample());
            assertThat(chart(html, "chart-sources").lengths()).containsExactly(
                    500_000_000L * BarChart.WIDTH / 1_250_000_000L, (long) BarChart.WIDTH, 1L);
            assertThat(chart(html, "chart-areas").lengths()).containsExactly((long) BarChart.WIDTH, 200L);
            assertThat(chart(html, "chart-townships").lengths())
                    .containsExactly((long) BarChart.WIDTH, 20_000_000L * BarChart.WIDTH / 130_000_000L);
            assertThat(chart(html, "chart-coverage").lengths()).containsExactly(100L, 278L);
        }

        @Test
        void aBarsLengthIsExactOnItsScaleAndAPositiveValueIsNeverInvisible() {
            assertThat(BarChart.length(0, 100)).isZero();
            assertThat(BarChart.length(1, 1_000_000_000_000L)).isEqualTo(1);
            assertThat(BarChart.length(3, 4)).isEqualTo(300);
            assertThat(BarChart.length(5, 4)).isEqualTo(BarChart.WIDTH);
            assertThat(BarChart.length(Long.MAX_VALUE / 1000, Long.MAX_VALUE / 1000)).isEqualTo(BarChart.WIDTH);
            assertThatThrownBy(() -> BarChart.Bar.of("负数", -1, "—")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theTableBeneathEachChartHoldsTheChartsFigures() {
            String html = html(sample());
            for (String id : List.of("chart-sources", "chart-areas", "chart-townships", "chart-coverage")) {
                Drawn drawn = chart(html, id);
                List<List<String>> table = tableAfter(html, id);
                assertThat(table).as(id).hasSameSizeAs(drawn.labels()).isNotEmpty();
                for (int i = 0; i < table.size(); i++) {
                    assertThat(table.get(i)).as(id).containsExactly(drawn.labels().get(i), drawn.values().get(i));
                }
            }
        }

        @Test
        void everyChartHasAnAccessibleNameAndNoScriptOrExternalAsset() {
            String html = html(sample());
            Matcher svg = Pattern.compile("<svg [^>]*aria-labelledby=\"([^\"]+)\"[^>]*>\\s*<title id=\"([^\"]+)\">")
                    .matcher(html);
            int charts = 0;
            while (svg.find()) {
                assertThat(svg.group(1)).isEqualTo(svg.group(2));
                charts++;
            }
            assertThat(charts).isEqualTo(4);
            assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("xlink:href");
        }

        @Test
        void namesAreEscapedInTheChartAndInTheTable() {
            CountyPage hostile = page(List.of(fund(2094, FundSource.CENTRAL, 100L)),
                    List.of(project("P9", HOSTILE, "510824105", HOSTILE, 100L, ProjectStatus.APPROVED)),
                    List.of(new GrantCoverageView("TOWNSHIP", "510824105", HOSTILE, 1, 1, 300_000L)),
                    List.of(), false, List.of());
            String html = html(hostile);
            assertThat(html).doesNotContain("<script>alert").doesNotContain("'x')");
            String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;镇";
            assertThat(chart(html, "chart-areas").labels()).containsExactly(escaped);
            assertThat(tableAfter(html, "chart-areas")).containsExactly(List.of(escaped, "0.00万元"));
            assertThat(chart(html, "chart-coverage").labels()).containsExactly(escaped);
        }

        @Test
        void theSameDataGivesTheSameBytes() {
            assertThat(Pages.county(sample())).isEqualTo(Pages.county(sample()));
        }
    }

    @Nested
    class OpenForObjection {

        @Test
        void eachOpenNoticeIsLinkedWithItsPlaceKindAndLastDay() {
            String html = html(sample());
            int open = html.indexOf("id=\"open-notices\"");
            String section = html.substring(open, html.indexOf("</div>", open));
            assertThat(section)
                    .contains("<a href=\"notices/N-2094-0102.html\">宝珠村到户增收项目启动资金公示</a>")
                    .contains("白桥镇 宝珠村 · ")
                    .contains("公示至 2094年5月16日");
            assertThat(html).contains("<strong>2项</strong>");
        }

        @Test
        void aCountyPageThatCannotListEveryOpenNoticeSaysSo() {
            List<OpenNoticeView> many = new ArrayList<>();
            for (int i = 0; i < CountyPage.OPEN_NOTICES; i++) {
                many.add(new OpenNoticeView("N-" + i, "公示" + i, "到户资金公示", NoticeLevel.VILLAGE, "510824105203",
                        Instant.parse("2094-05-06T02:00:00Z"), LocalDate.of(2094, 5, 16)));
            }
            String html = html(page(List.of(), List.of(), List.of(), many, true, List.of()));
            assertThat(html).contains("<strong>" + CountyPage.OPEN_NOTICES + "项以上</strong>")
                    .contains("以上为最新发布的" + CountyPage.OPEN_NOTICES + "项");
            List<OpenNoticeView> tooMany = new ArrayList<>(many);
            tooMany.add(many.get(0));
            assertThatThrownBy(() -> page(List.of(), List.of(), List.of(), tooMany, true, List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void withNothingOpenThePageSaysSo() {
            CountyPage page = page(List.of(), List.of(), List.of(), List.of(), false, List.of());
            assertThat(html(page)).contains("目前没有正在公示的公告。");
        }
    }
}
