package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page shares: Chinese, UTF-8, the phone viewport, the stylesheet with its A4 print rules, no script, and
 * links up and down the three levels that resolve inside the site.
 */
class PageStructureTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    /** A rendered page and where it lives in the site. */
    record Rendered(String path, String html) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Rendered> pages() {
        List<Rendered> pages = new ArrayList<>(List.of(
                new Rendered(Site.COUNTY, text(Pages.county(Fixtures.countyPage()))),
                new Rendered(Site.year(2093), text(Pages.countyYear(Fixtures.countyYearPage2093()))),
                new Rendered(Site.year(2094), text(Pages.countyYear(Fixtures.countyYearPage2094()))),
                new Rendered(Site.place(Fixtures.BAIQIAO.code()), text(Pages.township(Fixtures.townshipPage()))),
                new Rendered(Site.place(Fixtures.BAOZHU.code()), text(Pages.village(Fixtures.villagePage()))),
                new Rendered(Site.placeYear(Fixtures.BAOZHU.code(), 2094),
                        text(Pages.placeYear(Fixtures.villageYearPage2094())))));
        for (NoticeView notice : Fixtures.allNotices()) {
            pages.add(new Rendered(Site.notice(notice.content().noticeId(), Site.NoticeFormat.HTML),
                    text(Pages.notice(Fixtures.noticePage(notice)))));
        }
        return pages.stream();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every link of a page that leads to another file of the site, as a path from the site's root. */
    static List<String> links(Rendered page) {
        List<String> links = new ArrayList<>();
        Matcher matcher = HREF.matcher(page.html());
        URI base = URI.create("https://site.example/" + page.path());
        while (matcher.find()) {
            String href = matcher.group(1).replace("&amp;", "&");
            if (!href.startsWith("#") && !href.startsWith("tel:")) {
                links.add(base.resolve(href).getPath().substring(1));
            }
        }
        return links;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyPageIsChineseUtf8AndSizedForAPhone(Rendered page) {
        assertThat(page.html()).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyPageUsesTheStylesheetAtTheSitesRootForScreenAndPrint(Rendered page) {
        assertThat(page.html()).containsOnlyOnce("<link rel=\"stylesheet\"");
        assertThat(page.html()).doesNotContain("media=");
        assertThat(links(page)).contains(Site.STYLESHEET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyPageLinksBackToTheCountyAndNamesTheHotline(Rendered page) {
        assertThat(links(page)).contains(Site.COUNTY);
        assertThat(page.html()).contains("全国扶贫监督举报电话 <strong><a href=\"tel:12317\">12317</a></strong>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void noPageCarriesAScriptOrAnInlineHandler(Rendered page) {
        assertThat(page.html()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase(" on")
                .doesNotContain("javascript:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyLinkStaysInsideTheSite(Rendered page) {
        assertThat(links(page)).allSatisfy(link -> assertThat(link)
                .matches("index\\.html|style\\.css|years/\\d{4}\\.html|\\d{9}/index\\.html|\\d{12}/index\\.html|(\\d{9}|\\d{12})/\\d{4}\\.html|notices/(NTC-|N-)\\d{4}-\\d{4}\\.(html|json|csv)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void theOnlyPhoneNumbersToTapAreTheHotlineAndTheSupervisionPhone(Rendered page) {
        Matcher tel = Pattern.compile("href=\"tel:([^\"]*)\"").matcher(page.html());
        List<String> numbers = new ArrayList<>();
        while (tel.find()) {
            numbers.add(tel.group(1));
        }

        assertThat(numbers).isNotEmpty().allMatch(number -> number.equals("12317") || number.equals("0839-5222000"));
    }

    @Nested
    class UpAndDownTheThreeLevels {

        @Test
        void theCountyPageLinksToEveryTownship() {
            Rendered county = pages().filter(p -> p.path().equals(Site.COUNTY)).findFirst().orElseThrow();

            assertThat(links(county)).contains("510824105/index.html", "510824102/index.html");
        }

        @Test
        void aVillagePageLinksToThePageOfItsYearAndTheYearBackToTheVillageAndItsNotices() {
            Rendered village = pages().filter(p -> p.path().equals("510824105203/index.html")).findFirst().orElseThrow();
            Rendered year = pages().filter(p -> p.path().equals("510824105203/2094.html")).findFirst().orElseThrow();

            assertThat(links(village)).contains("510824105203/2094.html");
            assertThat(links(year)).contains("510824105203/index.html", "510824105/index.html", "index.html",
                    "notices/N-2094-0101.html");
        }

        @Test
        void theCountyPageLinksToThePageOfEveryYearAndEachYearToTheOthers() {
            Rendered county = pages().filter(p -> p.path().equals(Site.COUNTY)).findFirst().orElseThrow();
            Rendered year2093 = pages().filter(p -> p.path().equals("years/2093.html")).findFirst().orElseThrow();
            Rendered year2094 = pages().filter(p -> p.path().equals("years/2094.html")).findFirst().orElseThrow();

            assertThat(links(county)).contains("years/2094.html", "years/2093.html");
            assertThat(links(year2093)).contains("index.html", "years/2094.html").doesNotContain("years/2093.html");
            assertThat(year2093.html()).contains("<span aria-current=\"page\">2093年度</span>");
            assertThat(links(year2094)).contains("index.html", "years/2093.html", "notices/N-2094-0001.html",
                    "notices/N-2094-0002.html", "510824105203/index.html");
        }

        @Test
        void theCountyPageShowsTheCurrentYearInDetailAndEveryYearInSumAndTheYearPageItsOwnYear() {
            Rendered county = pages().filter(p -> p.path().equals(Site.COUNTY)).findFirst().orElseThrow();
            Rendered year2093 = pages().filter(p -> p.path().equals("years/2093.html")).findFirst().orElseThrow();

            assertThat(county.html()).contains("<td>苍财农〔2094〕3号</td>").doesNotContain("苍财农〔2093〕5号")
                    .contains("1,100.00万元");
            assertThat(year2093.html()).contains("<td>苍财农〔2093〕5号</td>").doesNotContain("苍财农〔2094〕3号")
                    .contains("暂无竞争立项。", "暂无已批复项目。", "暂无公告。");
        }

        @Test
        void aCountyWithMoreNoticesThanItsPageListsSendsReadersToTheYears() {
            String county = text(Pages.county(Fixtures.countyPageWithOlderNotices()));

            assertThat(county).contains("以上为最新的2条县级公告；更早的公告见下方“历年公告公示”中各年度的页面。");
            assertThat(text(Pages.county(Fixtures.countyPage()))).doesNotContain("更早的公告");
        }

        @Test
        void aTownshipPageLinksUpToTheCountyAndDownToEachOfItsVillages() {
            Rendered township = pages().filter(p -> p.path().equals("510824105/index.html")).findFirst().orElseThrow();

            assertThat(links(township)).contains("index.html", "510824105001/index.html", "510824105203/index.html",
                    "510824105204/index.html");
        }

        @Test
        void aVillagePageLinksUpToItsTownshipAndTheCountyAndToItsNotices() {
            Rendered village = pages().filter(p -> p.path().equals("510824105203/index.html")).findFirst().orElseThrow();

            assertThat(links(village)).contains("index.html", "510824105/index.html", "notices/N-2094-0101.html",
                    "notices/N-2094-0102.html", "notices/N-2094-0103.html", "notices/N-2094-0104.html");
        }

        @Test
        void aNoticePageLinksUpToItsPlacesAndToItsJsonAndCsv() {
            Rendered notice = pages().filter(p -> p.path().equals("notices/N-2094-0102.html")).findFirst().orElseThrow();

            assertThat(links(notice)).contains("index.html", "510824105/index.html", "510824105203/index.html",
                    "notices/N-2094-0102.json", "notices/N-2094-0102.csv");
        }

        @Test
        void aProjectListsLineLinksToTheProjectsPlanInFullAndOtherCellsStayText() {
            Rendered list = pages().filter(p -> p.path().equals("notices/N-2094-0003.html")).findFirst().orElseThrow();

            assertThat(links(list)).contains("notices/NTC-2094-0101.html");
            assertThat(list.html()).contains(">宝珠村猕猴桃产业园</td>").doesNotContain("href=\"notices/白桥镇");
        }

        @Test
        void aCorrectedNoticeAndItsCorrectionLinkToEachOther() {
            Rendered corrected = pages().filter(p -> p.path().equals("notices/N-2094-0102.html")).findFirst().orElseThrow();
            Rendered correction = pages().filter(p -> p.path().equals("notices/N-2094-0103.html")).findFirst().orElseThrow();

            assertThat(links(corrected)).contains("notices/N-2094-0103.html");
            assertThat(corrected.html()).contains("本公告已被更正");
            assertThat(links(correction)).contains("notices/N-2094-0102.html");
            assertThat(correction.html()).contains("更正原因：李*户已脱贫退出，不再安排");
        }
    }

    @Nested
    class PrintOnA4 {

        private final String css = text(Pages.stylesheet());

        @Test
        void theStylesheetSetsA4PagesWithFifteenMillimetreMargins() {
            assertThat(css).containsPattern("@page\\s*\\{\\s*size:\\s*A4;\\s*margin:\\s*15mm;?\\s*}");
        }

        @Test
        void theStylesheetHasPrintRulesThatRepeatTableHeadingsAndHideNavigationTheObjectionFormAndTheHeldItems() {
            int print = css.indexOf("@media print {");

            assertThat(print).isPositive();
            String rules = css.substring(print);
            assertThat(rules).contains("thead { display: table-header-group; }")
                    .contains("nav.breadcrumbs, nav.toc, ul.downloads, section.objection-form, section.held "
                            + "{ display: none; }")
                    .contains("max-width: none");
        }

        @Test
        void theScreenLayoutIsOneColumnThatReadsAt360Pixels() {
            assertThat(css).contains("max-width: 48rem").contains("overflow-x: auto").contains("font-size: 16px")
                    .doesNotContainPattern("width:\\s*[4-9]\\d\\dpx");
        }
    }
}
