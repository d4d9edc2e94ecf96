package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.project.ProjectSummaryView;
import cn.fupin.ledger.shared.project.ProjectView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The township and village pages keep a size that does not grow with the years: projects as one row each with their
 * totals (never a row per payment), the newest notices with the rest on the pages by year, a village's payments of
 * the current year with the rest on the pages by year.
 */
class PlacePagesPagingTest {

    static String html(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static NoticeSummaryView notice(int n, String publishedAt) {
        return new NoticeSummaryView("N-T-" + n, "白桥镇第" + n + "号公告", "项目计划公告", Instant.parse(publishedAt),
                LocalDate.of(2094, 5, 6), LocalDate.of(2094, 5, 16), null);
    }

    static int count(String text, String part) {
        Matcher found = Pattern.compile(Pattern.quote(part)).matcher(text);
        int times = 0;
        while (found.find()) {
            times++;
        }
        return times;
    }

    @Nested
    class TheTownshipPage {

        @Test
        void listsAGrantProjectWithThousandsOfPaymentsAsOneRowWithItsTotals() {
            ProjectView paid = Fixtures.projects().get(0);
            TownshipPage base = Fixtures.townshipPage();
            List<ProjectSummaryView> projects = new ArrayList<>(base.projects());
            projects.set(0, Fixtures.summary(paid, 2_703));

            String page = html(Pages.township(new TownshipPage(base.path(), base.township(), projects,
                    base.villageCoverage(), base.notices(), false, List.of())));

            assertThat(page).contains("<th scope=\"col\" class=\"num\">已拨付</th>",
                    "<th scope=\"col\" class=\"num\">拨付笔数</th>", "<td class=\"num\">120,000.00元</td>"
                    + "<td class=\"num\">2703笔</td>");
            assertThat(count(page, "宝珠村猕猴桃产业园")).isEqualTo(1);
        }

        @Test
        void showsTheNewestNoticesAndLinksThePagesOfTheYearsThatHoldTheOlderOnes() {
            List<NoticeSummaryView> newest = new ArrayList<>();
            for (int n = 40; n > 20; n--) {
                newest.add(notice(n, "2094-06-" + String.format("%02d", n - 20) + "T02:00:00Z"));
            }
            TownshipPage base = Fixtures.townshipPage();

            String page = html(Pages.township(new TownshipPage(base.path(), base.township(), base.projects(),
                    base.villageCoverage(), newest, true, List.of(2094, 2093))));

            assertThat(count(page, "<li><a href=\"../notices/N-T-")).isEqualTo(20);
            assertThat(page).contains("以上为最新的20条乡镇公告；更早的公告见下方“历年公告公示”中各年度的页面。",
                    "<a href=\"../" + Fixtures.BAIQIAO.code() + "/2094.html\">2094年度</a>",
                    "<a href=\"../" + Fixtures.BAIQIAO.code() + "/2093.html\">2093年度</a>");
        }

        @Test
        void listsNoMoreThanTheNewestNotices() {
            List<NoticeSummaryView> tooMany = new ArrayList<>();
            for (int n = 1; n <= TownshipPage.LATEST_NOTICES + 1; n++) {
                tooMany.add(notice(n, "2094-06-01T02:00:00Z"));
            }
            TownshipPage base = Fixtures.townshipPage();

            assertThatThrownBy(() -> new TownshipPage(base.path(), base.township(), base.projects(),
                    base.villageCoverage(), tooMany, true, List.of(2094)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void hasAPageForAYearWithEveryNoticeOfThatYear() {
            List<NoticeSummaryView> ofYear = new ArrayList<>();
            for (int n = 1; n <= 30; n++) {
                ofYear.add(notice(n, "2093-03-01T02:00:00Z"));
            }

            String page = html(Pages.placeYear(new PlaceYearPage(Fixtures.townshipPage().path(), 2093,
                    List.of(2094, 2093), ofYear, List.of(), java.util.Map.of())));

            assertThat(count(page, "<li><a href=\"../notices/N-T-")).isEqualTo(30);
            assertThat(page).contains("<h1>白桥镇2093年公告公示</h1>", "2093年发布的乡镇公告",
                    "<a href=\"../" + Fixtures.BAIQIAO.code() + "/2094.html\">2094年度</a>",
                    "<span aria-current=\"page\">2093年度</span>",
                    "<a href=\"../" + Fixtures.BAIQIAO.code() + "/index.html\">白桥镇</a>");
        }
    }

    @Nested
    class TheVillagePage {

        @Test
        void showsEachProjectsPaymentsAsATotalAndACount() {
            String page = html(Pages.village(Fixtures.villagePage()));

            assertThat(page).contains("<div><dt>已拨付</dt><dd>120,000.00元（3笔）</dd></div>");
        }

        @Test
        void listsTheCurrentYearsGrantsAndSendsToTheYearPagesForTheOthers() {
            VillagePage base = Fixtures.villagePage();

            String page = html(Pages.village(new VillagePage(base.path(), base.village(), base.projects(), 2094,
                    base.disbursements(), base.projectNames(), base.coverage(), base.notices(), false,
                    List.of(2094, 2093))));

            assertThat(page).contains("2094年到户增收项目启动资金名单", "2094年拨付到村的项目资金",
                    "本页列出2094年申请的到户资金和拨付到村的项目资金；其他年度的见下方“历年公告公示”中各年度的页面。",
                    "<a href=\"../" + Fixtures.BAOZHU.code() + "/2093.html\">2093年度</a>");
        }

        @Test
        void onAYearsPageListsThatYearsGrantsWithMaskedNamesOnly() {
            DisbursementView grant = Fixtures.disbursement("DSB-2093-1", "PRJ-2094-0001", PayeeKind.HOUSEHOLD,
                    "T-0009", "赵*兰", Fixtures.yuan(3_000), DisbursementStatus.APPROVED, "2093-04-01T02:00:00Z");

            String page = html(Pages.placeYear(new PlaceYearPage(Fixtures.villagePage().path(), 2093,
                    List.of(2094, 2093), List.of(), List.of(grant), Fixtures.projectNames())));

            assertThat(page).contains("2093年到户增收项目启动资金名单", "<td>赵*兰</td>", "暂无公告。")
                    .doesNotContain("T-0009", "本村建档立卡贫困户");
        }
    }
}
