package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objection form of a notice's page: plain HTML that a phone without script can post, offered only while the
 * notice takes objections (it lists items, is not superseded, its period has not ended as of the page's moment),
 * posting to the live ledger or, on a static copy that knows none, replaced by where else to object; never printed.
 */
class ObjectionFormTest {

    static String html(NoticePage page) {
        return new String(Pages.notice(page), StandardCharsets.UTF_8);
    }

    /** The objection part of a page, from its section to the section's end. */
    static String section(String html) {
        Matcher section = Pattern.compile("<section class=\"objection-form\" id=\"objection\">.*?</section>\n",
                Pattern.DOTALL).matcher(html);
        assertThat(section.find()).as("the page has an objection part").isTrue();
        return section.group();
    }

    @Nested
    class WhileTheNoticeTakesObjections {

        @Test
        void aNoticeOfOneItemCarriesAFormThatPostsTheItemTheTextAndTheContactToItsObjectionAddress() {
            String form = section(html(Fixtures.noticePage(Fixtures.fundAllocation())));

            assertThat(form).contains(
                    "<form method=\"post\" action=\"../notices/N-2094-0001/objections\" accept-charset=\"UTF-8\">",
                    "<select id=\"objection-item\" name=\"item\" required>\n"
                            + "<option value=\"PRJ-2094-0001\">序号1：宝珠村猕猴桃产业园，白桥镇，宝珠村，400,000.00元</option>\n"
                            + "</select>",
                    "<textarea id=\"objection-text\" name=\"text\" rows=\"6\" maxlength=\"2000\" required></textarea>",
                    "<input id=\"objection-contact\" name=\"contact\" type=\"text\" maxlength=\"100\"",
                    "<button type=\"submit\">提交异议</button>",
                    "<label for=\"objection-item\">", "<label for=\"objection-text\">", "<label for=\"objection-contact\">",
                    "联系方式只用于答复您");
            assertThat(form).doesNotContain("请选择条目");
        }

        @Test
        void theFormsLimitsAreTheLedgersLimits() {
            String form = section(html(Fixtures.noticePage(Fixtures.fundAllocation())));

            assertThat(form).contains("name=\"text\" rows=\"6\" maxlength=\"" + FileObjectionCommand.TEXT_LENGTH_MAX + "\"",
                    "name=\"contact\" type=\"text\" maxlength=\"" + FileObjectionCommand.CONTACT_LENGTH_MAX + "\"");
        }

        @Test
        void aNoticeOfSeveralItemsAsksWhichOneWithEveryRowInTheTablesOrder() {
            String form = section(html(Fixtures.noticePage(Fixtures.roundResult())));

            assertThat(form).contains("<option value=\"\">请选择条目</option>\n"
                    + "<option value=\"PRJ-2094-0001\">序号1：1，宝珠村猕猴桃产业园，白桥镇，88.5000，400,000.00元</option>\n"
                    + "<option value=\"PRJ-2094-0002\">序号2：2，烟峰楼社区茶叶基地，云峰镇，80.1234，0.00元</option>\n");
        }

        @Test
        void theFormOffersExactlyTheItemsTheNoticeLists() {
            NoticeView correction = Fixtures.correction();
            Matcher option = Pattern.compile("<option value=\"([^\"]+)\">").matcher(html(Fixtures.noticePage(correction)));
            List<String> offered = new java.util.ArrayList<>();
            while (option.find()) {
                offered.add(option.group(1));
            }

            assertThat(offered).containsExactlyElementsOf(
                    correction.content().rows().stream().map(NoticeContent.Row::item).toList());
        }

        @Test
        void aLongRowIsShortenedInItsChoiceButKeepsItsNumber() {
            NoticeContent.Row row = new NoticeContent.Row("DSB-0009", List.of("户".repeat(70), "3,000.00元"));

            String choice = NoticePageRenderer.choice(9, row);

            assertThat(choice).isEqualTo("序号9：" + "户".repeat(60) + "…");
            assertThat(NoticePageRenderer.choice(10, new NoticeContent.Row("DSB-0010", List.of("", " "))))
                    .isEqualTo("序号10");
        }

        @Test
        void aPageOfAStaticCopyThatKnowsTheLiveSitePostsThere() {
            NoticePage copy = Fixtures.noticePage(Fixtures.fundAllocation())
                    .withLiveRoot("https://fupin.example.gov.cn/disclosure/");

            assertThat(section(html(copy))).contains("<form method=\"post\" "
                    + "action=\"https://fupin.example.gov.cn/disclosure/notices/N-2094-0001/objections\"");
        }
    }

    @Nested
    class WhenTheNoticeTakesNone {

        @Test
        void onceThePeriodHasEndedThePageSaysSoAndHasNoForm() {
            NoticeView notice = Fixtures.fundAllocation();
            NoticePage atTheEnd = NoticePage.live(Fixtures.pathOf(notice), notice, notice.periodEndsAt());
            NoticePage aSecondBefore = NoticePage.live(Fixtures.pathOf(notice), notice,
                    notice.periodEndsAt().minus(Duration.ofSeconds(1)));

            assertThat(section(html(atTheEnd))).contains("公示期已于2094年5月16日结束，不再在网上受理异议。")
                    .doesNotContain("<form");
            assertThat(section(html(aSecondBefore))).contains("<form method=\"post\"");
        }

        @Test
        void aSupersededNoticeSendsObjectionsToItsCorrection() {
            String part = section(html(Fixtures.noticePage(Fixtures.grantList())));

            assertThat(part).contains("本公告已被更正，不再受理异议", "<a href=\"N-2094-0103.html\">更正公告（N-2094-0103）</a>")
                    .doesNotContain("<form");
        }

        @Test
        void aNoticeThatListsNoItemPointsToThePhones() {
            String part = section(html(Fixtures.noticePage(Fixtures.projectPlan())));

            assertThat(part).contains("本公告没有列出可以提出异议的条目", "12317").doesNotContain("<form");
        }

        @Test
        void aStaticCopyThatKnowsNoLiveSiteSaysWhereToObjectInsteadOfShowingAFormThatCannotPost() {
            String part = section(html(Fixtures.noticePage(Fixtures.fundAllocation()).withLiveRoot(null)));

            assertThat(part).contains("这是公告公示网站的离线副本，不能在此提交异议", "至2094年5月16日")
                    .doesNotContain("<form");
        }
    }

    @Test
    void theA4PrintLeavesTheObjectionPartOut() {
        String css = new String(Pages.stylesheet(), StandardCharsets.UTF_8);
        String print = css.substring(css.indexOf("@media print {"));

        assertThat(print).containsPattern("[^}]*section\\.objection-form[^{]*\\{ display: none; \\}");
    }
}
