package cn.fupin.ledger.ops.disclosure;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The county page's summary and the notice lists over HTTP, with no login, from facts recorded through the API: the
 * current year's money by source, where it went by work area and by township, grant coverage by township (charts with
 * the same figures in tables), and 公示中 — a project's plan is listed while open for objection and leaves the list
 * when its period ends. Fiscal year 2100 (the last a fund may have, so that it is the county page's current year
 * whatever else the suite records; central and work-relief funds: the browser test uses provincial funds);
 * 歧坪镇 (510824114) and its 宋安村 (510824114201); households T-5800….
 */
@LedgerTest
class PublicCountySummaryApiTest extends LedgerApiTest {

    static final int YEAR = 2100;
    static final String TOWNSHIP = "510824114";
    static final String TOWNSHIP_NAME = "歧坪镇";
    static final String VILLAGE = "510824114201";
    static final String PROJECT = "宋安村山地鸡养殖基地";

    static String plan;
    /** The year the facts were published in, by the ledger's clock (a page by year lists the notices of it). */
    static int publishedIn;
    static boolean attempted;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventStore eventStore;

    @BeforeEach
    void recordFactsOnce() {
        if (attempted) {
            assertThat(plan).as("the facts of this class were recorded").isNotNull();
            return;
        }
        attempted = true;
        Ledger ledger = new Ledger(api);
        String central = ledger.appropriate(YEAR, "CENTRAL", 1_200_000, "歧坪测〔2100〕1号");
        ledger.appropriate(YEAR, "WORK_RELIEF", 345_678, "歧坪测〔2100〕2号");
        Api.Response poor = api.as("clerk").post("/api/places/villages/" + VILLAGE + "/poor-designations",
                "{\"year\": %d, \"documentNo\": \"%s\"}".formatted(YEAR, "歧坪测〔2100〕9号"));
        assertThat(poor.status()).as(poor.toString()).isEqualTo(201);
        ledger.importHouseholds(IntStream.rangeClosed(5800, 5802)
                .mapToObj(n -> household(n).withVillageCode(VILLAGE)).toArray(Households.Row[]::new));
        String projectId = ledger.propose("clerk", project(PROJECT, "ENERGY", VILLAGE, "VILLAGE", YEAR,
                "[" + line(central, 456_000) + "]"));
        ledger.approve("approver", projectId);
        ledger.awaitNotice(Ledger.planNotice(projectId));
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        publishedIn = Site.yearOf(ledger.now());
        plan = Ledger.planNotice(projectId);
    }

    String county() {
        Api.Response response = api.anonymous().get("/disclosure/");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        return response.body();
    }

    /** The rows (label, value) of the table under the chart with this id. */
    static List<List<String>> tableOf(String html, String chartId) {
        int at = html.indexOf("id=\"" + chartId + "\"");
        assertThat(at).as("chart " + chartId).isPositive();
        String body = html.substring(html.indexOf("<tbody>", at), html.indexOf("</tbody>", at));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr><td>(?:<a href=\"[^\"]*\">)?(.*?)(?:</a>)?</td><td class=\"num\">(.*?)</td></tr>")
                .matcher(body);
        while (row.find()) {
            rows.add(List.of(row.group(1), row.group(2)));
        }
        return rows;
    }

    /** The bars of the chart with this id: (label, value text, length). */
    static List<List<String>> barsOf(String html, String chartId) {
        Matcher svg = Pattern.compile("<svg [^>]*id=\"" + chartId + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(html);
        assertThat(svg.find()).as("chart " + chartId).isTrue();
        List<List<String>> bars = new ArrayList<>();
        Matcher bar = Pattern.compile("<text x=\"0\"[^>]*>(.*?)</text><text x=\"400\"[^>]*>(.*?)</text>"
                + "<rect class=\"bar\"[^>]* width=\"(\\d+)\"").matcher(svg.group(1));
        while (bar.find()) {
            bars.add(List.of(bar.group(1), bar.group(2), bar.group(3)));
        }
        return bars;
    }

    @Test
    void theCountyPageOpensWithTheCurrentYearsMoneyBySourceAndWhereItWent() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String county = county();
            assertThat(county.indexOf("<h2>一图看懂" + YEAR + "年度扶贫资金</h2>"))
                    .as("the summary comes first").isPositive().isLessThan(county.indexOf("<section id=\"notices\">"));
            assertThat(tableOf(county, "chart-sources"))
                    .contains(List.of("中央财政专项扶贫资金", "120.00万元"), List.of("以工代赈资金", "34.57万元"));
            assertThat(tableOf(county, "chart-areas")).contains(List.of("农村能源改善", "45.60万元"));
            assertThat(tableOf(county, "chart-townships")).contains(List.of(TOWNSHIP_NAME, "45.60万元"));
            assertThat(tableOf(county, "chart-coverage")).contains(List.of(TOWNSHIP_NAME, "0.0%（0/3户）"));
        });
    }

    @Test
    void everyChartsTableHoldsTheChartsFiguresAndTheLargestBarSpansTheChart() {
        String county = county();
        for (String chart : List.of("chart-sources", "chart-areas", "chart-townships", "chart-coverage")) {
            List<List<String>> bars = barsOf(county, chart);
            List<List<String>> table = tableOf(county, chart);
            assertThat(bars).as(chart).isNotEmpty().hasSameSizeAs(table);
            for (int i = 0; i < bars.size(); i++) {
                assertThat(bars.get(i).subList(0, 2)).as(chart).isEqualTo(table.get(i));
            }
            if (!chart.equals("chart-coverage")) {
                assertThat(bars).as(chart).anyMatch(bar -> bar.get(2).equals("400"));
            }
        }
        assertThat(county).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http:");
    }

    @Test
    void aPlanIsListedAsOpenForObjectionUntilItsPeriodEnds() {
        String county = county();
        int open = county.indexOf("<div id=\"open-notices\">");
        String listed = county.substring(open, county.indexOf("</div>", open));
        assertThat(listed).contains("<a href=\"notices/" + plan + ".html\">" + PROJECT + "项目计划公示</a>")
                .contains(TOWNSHIP_NAME + " 宋安村 · ").contains("公示至 ");

        new Ledger(api).advanceDays(11);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
            String after = county();
            int at = after.indexOf("<div id=\"open-notices\">");
            assertThat(after.substring(at, after.indexOf("</div>", at))).doesNotContain("notices/" + plan + ".html");
        });
        assertThat(api.anonymous().get("/disclosure/notices/" + plan + ".html").status()).isEqualTo(200);
    }

    @Test
    void theNoticeListsAreGroupedByKindAndTheYearsPageKeepsEveryNoticeOfTheYear() {
        String township = api.anonymous().get("/disclosure/" + TOWNSHIP + "/").body();
        Matcher group = Pattern.compile("<h[34]>([^<]+)（(\\d+)件）</h[34]>").matcher(township);
        assertThat(group.find()).as("a group of notices by kind on the township's page").isTrue();
        Api.Response fiscal = api.anonymous().get("/disclosure/years/" + YEAR + ".html");
        assertThat(fiscal.status()).isEqualTo(200);
        assertThat(fiscal.body()).contains("<td>歧坪测〔2100〕1号</td>");
        Api.Response published = api.anonymous().get("/disclosure/years/" + publishedIn + ".html");
        assertThat(published.status()).isEqualTo(200);
        Matcher kinds = Pattern.compile("<h3>([^<]+)（(\\d+)件）</h3>").matcher(published.body());
        assertThat(kinds.find()).as("the year's county notices grouped by kind, without a year heading").isTrue();
        assertThat(published.body()).doesNotContain("<h3>" + publishedIn + "年发布</h3>");
    }

    @Test
    void theSummaryCannotBeChangedFromTheAddressAndUnknownPagesAreNotFound() {
        assertThat(api.anonymous().get("/disclosure/?year=2041").body()).contains("<h2>一图看懂" + YEAR + "年度扶贫资金</h2>")
                .doesNotContain("一图看懂2041");
        assertThat(api.anonymous().get("/disclosure/years/2101.html").status()).isEqualTo(404);
        assertThat(api.anonymous().get("/disclosure/%2e%2e/api/funds").status()).isIn(400, 404);
    }
}
