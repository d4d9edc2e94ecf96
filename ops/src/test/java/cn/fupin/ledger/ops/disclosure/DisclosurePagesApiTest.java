package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.CountyPage;
import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public pages over HTTP, with no login: the county, a township and a village showing facts recorded through
 * the API, every unknown address a 404 page in HTML, UTF-8 and a short cache on everything. Fiscal year 2094 (work
 * relief funds); households T-8100… in 龙王社区 (510824111001) of 龙王镇.
 */
@LedgerTest
class DisclosurePagesApiTest extends LedgerApiTest {

    static final int YEAR = 2094;
    static final String TOWNSHIP = "510824111";
    static final String VILLAGE = "510824111001";
    static final String DOCUMENT = "龙王测〔2094〕1号";
    static final String PROJECT = "龙王社区食用菌到户";

    static boolean recorded;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventStore eventStore;

    @BeforeEach
    void recordFactsOnce() {
        if (recorded) {
            return;
        }
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "WORK_RELIEF", 300_000, DOCUMENT);
        ledger.importHouseholds(IntStream.rangeClosed(8100, 8102)
                .mapToObj(n -> household(n).withVillageCode(VILLAGE)).toArray(Households.Row[]::new));
        String projectId = ledger.propose("clerk", project(PROJECT, "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 50_000) + "]"));
        ledger.approve("approver", projectId);
        String grant = ledger.requestDisbursement("clerk", projectId, "cardNo", Households.cardNo(8100), 3_000_00L,
                "龙王测付〔2094〕1号");
        ledger.afterPublicity(Ledger.grantListNotice(grant));
        assertThat(api.as("approver").post("/api/disbursements/" + grant + "/approve", "{}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode coverage = api.as("auditor").get("/api/grants/coverage?level=village&code=" + VILLAGE).json();
            assertThat(coverage.path("granted").asLong()).isEqualTo(1);
            assertThat(api.as("auditor").get("/api/projects/" + projectId).json().path("paidFen").asLong())
                    .isEqualTo(3_000_00L);
        });
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        recorded = true;
    }

    /** The county's notices, newest first (the first thousand: more than any run of the suite publishes). */
    List<JsonNode> countyNotices() {
        Api.Response response = api.as("auditor").get("/api/notices?level=COUNTY&placeCode=510824&size=1000");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> notices = new ArrayList<>();
        response.json().forEach(notices::add);
        return notices;
    }

    Api.Response get(String path) {
        return api.anonymous().get(path);
    }

    static void assertHtmlPage(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(response.header("Cache-Control")).contains("max-age=60").contains("public");
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void theCountyPageLinksToThePageOfTheYearThatShowsAnAppropriationWithItsDocumentNumberToAnyone() {
        Api.Response county = get("/disclosure/");

        assertHtmlPage(county, 200);
        assertThat(county.body()).contains("<h1>苍溪县扶贫资金公告公示</h1>",
                "<a href=\"" + TOWNSHIP + "/index.html\">龙王镇</a>", "<a href=\"years/" + YEAR + ".html\">" + YEAR + "年度</a>");
        Api.Response year = get("/disclosure/years/" + YEAR + ".html");
        assertHtmlPage(year, 200);
        assertThat(year.body()).contains("<h1>苍溪县" + YEAR + "年度扶贫资金公告公示</h1>", "<td>" + DOCUMENT + "</td>",
                PROJECT, "<a href=\"../" + VILLAGE + "/index.html\">");
    }

    /**
     * The county page does not grow with the years: it lists the newest county notices, and every older one is on the
     * page of the year it was published in. Twenty-one appropriations of the year publish twenty-one allocation
     * notices, so the county has more notices than its page lists whatever ran before.
     */
    @Test
    void theCountyPageListsTheNewestCountyNoticesAndEveryOtherIsOnThePageOfItsYear() {
        Ledger ledger = new Ledger(api);
        int before = countyNotices().size();
        for (int n = 1; n <= CountyPage.LATEST_NOTICES + 1; n++) {
            ledger.appropriate(YEAR, "WORK_RELIEF", 1_000 + n, "龙王测〔2094〕" + (100 + n) + "号");
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> countyNotices().size() >= before + CountyPage.LATEST_NOTICES + 1);
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<JsonNode> notices = countyNotices();
            assertThat(notices).hasSizeGreaterThan(CountyPage.LATEST_NOTICES);
            String county = get("/disclosure/").body();
            String listed = county.substring(county.indexOf("<section id=\"notices\">"),
                    county.indexOf("</section>", county.indexOf("<section id=\"notices\">")));
            assertThat(county).contains("以上为最新的" + CountyPage.LATEST_NOTICES + "条县级公告");
            Map<Integer, String> yearPages = new TreeMap<>();
            for (int i = 0; i < notices.size(); i++) {
                String link = "notices/" + notices.get(i).path("content").path("noticeId").asText() + ".html\"";
                if (i < CountyPage.LATEST_NOTICES) {
                    assertThat(listed).as("one of the newest").contains("href=\"" + link);
                } else {
                    assertThat(listed).as("an older one").doesNotContain(link);
                }
                int year = Site.yearOf(Instant.parse(notices.get(i).path("publishedAt").asText()));
                String page = yearPages.computeIfAbsent(year, y -> get("/disclosure/years/" + y + ".html").body());
                assertThat(page).as("the page of " + year).contains("href=\"../" + link);
            }
            assertThat(county).contains(yearPages.keySet().stream()
                    .map(y -> "<a href=\"years/" + y + ".html\">" + y + "年度</a>").toArray(String[]::new));
        });
    }

    @Test
    void theCountyPageIsAlsoItsIndexFileWithTheSameBytes() {
        assertThat(get("/disclosure/index.html").body()).isEqualTo(get("/disclosure/").body());
    }

    @Test
    void aTownshipPageListsItsVillagesAndItsApprovedProjects() {
        Api.Response township = get("/disclosure/" + TOWNSHIP + "/");

        assertHtmlPage(township, 200);
        assertThat(township.body()).contains("<h1>龙王镇扶贫资金公告公示</h1>",
                "<a href=\"../" + VILLAGE + "/index.html\">龙王社区</a>", PROJECT, "<a href=\"../index.html\">苍溪县</a>");
        assertThat(get("/disclosure/" + TOWNSHIP + "/index.html").body()).isEqualTo(township.body());
    }

    @Test
    void aVillagePageShowsItsProjectInFullAndItsGrantsWithMaskedNamesOnly() {
        Households.Row granted = household(8100);

        Api.Response village = get("/disclosure/" + VILLAGE + "/");

        assertHtmlPage(village, 200);
        String masked = granted.headName().charAt(0) + "*" + granted.headName().charAt(2);
        assertThat(village.body()).contains("<h1>龙王社区扶贫资金公告公示</h1>", "<h3>" + PROJECT + "</h3>",
                "<dt>监督电话</dt><dd><a href=\"tel:0839-5222000\">0839-5222000</a></dd>",
                "<dt>举报电话</dt><dd><a href=\"tel:12317\">12317</a></dd>",
                "<tr><td>" + masked + "</td><td class=\"num\">3,000.00元</td><td>已发放</td>",
                "<a href=\"../" + TOWNSHIP + "/index.html\">龙王镇</a>");
        assertThat(village.body()).doesNotContain(granted.headName(), granted.cardNo(), granted.idNumber(),
                granted.bankCard(), granted.idNumberMasked(), granted.bankCardMasked());
    }

    @Test
    void theStylesheetIsServedAsCssWithTheA4PrintRules() {
        Api.Response css = get("/disclosure/style.css");

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).isEqualToIgnoringCase("text/css;charset=UTF-8");
        assertThat(css.body()).contains("@page { size: A4; margin: 15mm }", "@media print {");
    }

    @Nested
    class AddressesWithoutTheirSlash {

        @Test
        void theSitesRootIsSentOnToTheCountyPage() {
            Api.Response response = get("/disclosure");

            assertThat(response.status()).isEqualTo(301);
            assertThat(response.header("Location")).isEqualTo("/disclosure/");
        }

        @Test
        void aPlaceIsSentOnToItsPageWhoseRelativeLinksNeedTheSlash() {
            Api.Response response = get("/disclosure/" + VILLAGE);

            assertThat(response.status()).isEqualTo(301);
            assertThat(response.header("Location")).isEqualTo("/disclosure/" + VILLAGE + "/");
        }
    }

    @Nested
    class UnknownAddresses {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/disclosure/510824999/", "/disclosure/510824999999/", "/disclosure/510825100/",
                "/disclosure/5108241/", "/disclosure/abc/", "/disclosure/510824999", "/disclosure/abc",
                "/disclosure/notices/N-0000-0000", "/disclosure/notices/N-0000-0000.html",
                "/disclosure/notices/N-0000-0000.json", "/disclosure/notices/N-0000-0000.csv",
                "/disclosure/notices/%E5%85%AC%E5%91%8A.html", "/disclosure/notices/", "/disclosure/a/b/c",
                "/disclosure/510824111/nothing.html", "/disclosure/years/1999.html", "/disclosure/years/0999.html",
                "/disclosure/years/209.html", "/disclosure/years/2094", "/disclosure/years/", "/disclosure/years/x.html",
                "/disclosure/years/20940.html"})
        void answerWithANotFoundPageInHtmlNotJson(String path) {
            Api.Response response = get(path);

            assertHtmlPage(response, 404);
            assertThat(response.body()).contains("<h1>未找到页面</h1>", "<a href=\"/disclosure/index.html\">");
        }
    }
}
