package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disbursement.DisbursementView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value on a page is escaped: markup in the data shows as text and adds no element to any page. */
class EscapingTest {

    private static final Pattern TAG = Pattern.compile("<(/?[A-Za-z][A-Za-z0-9]*)");

    static String html(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }

    /**
     * The sequence of element tags of a page: what markup in a value would change. Links are left out: whether a phone
     * number becomes a {@code tel:} link depends on the value being a phone number, which markup is not.
     */
    static List<String> tags(String html) {
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(html);
        while (matcher.find()) {
            if (!matcher.group(1).equals("a") && !matcher.group(1).equals("/a")) {
                tags.add(matcher.group(1));
            }
        }
        return tags;
    }

    record Renderer(String name, Function<Boolean, byte[]> render) {
        @Override
        public String toString() {
            return name;
        }
    }

    static <T> byte[] render(T data, boolean hostile, Function<T, byte[]> renderer) {
        return renderer.apply(hostile ? Hostile.everyText(data) : data);
    }

    static Stream<Renderer> pages() {
        List<Renderer> pages = new ArrayList<>(List.of(
                new Renderer("county", hostile -> render(Fixtures.countyPage(), hostile, Pages::county)),
                new Renderer("township", hostile -> render(Fixtures.townshipPage(), hostile, Pages::township)),
                new Renderer("village", hostile -> render(Fixtures.villagePage(), hostile, Pages::village))));
        for (NoticeView notice : Fixtures.allNotices()) {
            pages.add(new Renderer("notice " + notice.content().kind(), hostile ->
                    render(Fixtures.noticePage(notice), hostile, Pages::notice)));
        }
        return pages.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void markupInEveryValueOfAPageAddsNoElementAndShowsAsText(Renderer page) {
        String benign = html(page.render().apply(false));
        String hostile = html(page.render().apply(true));

        assertThat(String.join("\n", tags(hostile))).isEqualTo(String.join("\n", tags(benign)));
        assertThat(hostile).doesNotContain("<script", "<img", "onerror=\"")
                .contains("&lt;script&gt;alert(&#39;");
    }

    @Test
    void aHouseholdNameHoldingAScriptRendersAsTextOnTheVillagePage() {
        VillagePage data = Fixtures.villagePage();
        List<DisbursementView> grants = new ArrayList<>(data.disbursements());
        DisbursementView first = grants.get(0);
        grants.set(0, new DisbursementView(first.disbursementId(), first.projectId(), first.payeeKind(),
                first.villageCode(), first.townshipCode(), first.cardNo(), "<script>alert(1)</script>",
                first.amountFen(), first.fromFunds(), first.voucherNo(), first.batchId(), first.status(),
                first.requestedBy(), first.requestedAt(), first.decidedBy(), first.decidedAt(), first.reason(),
                first.reversedBy(), first.reversedAt()));

        String page = html(Pages.village(new VillagePage(data.path(), data.village(), data.projects(),
                data.currentYear(), grants, data.projectNames(), data.coverage(), data.notices(), data.olderNotices(),
                data.years())));

        assertThat(page).contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>").doesNotContain("<script");
    }

    @Test
    void theNotFoundPageEscapesTheCountyNameAndTheRoot() {
        String page = html(Pages.notFound("<b>县", "/\"><script>/"));

        assertThat(page).doesNotContain("<b>", "<script").contains("&lt;b&gt;县", "&quot;&gt;&lt;script&gt;");
    }

    @Nested
    class TheEscapeFunction {

        @Test
        void replacesTheFiveCharactersThatMeanMarkup() {
            assertThat(Html.escape("<a href=\"x\" title='y'>&amp;</a>"))
                    .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        }

        @Test
        void leavesChineseTextAsItIsAndTurnsNullIntoNothing() {
            assertThat(Html.escape("宝珠村猕猴桃产业园 3,000.00元")).isEqualTo("宝珠村猕猴桃产业园 3,000.00元");
            assertThat(Html.escape(null)).isEmpty();
        }

        @Test
        void replacesControlCharactersButKeepsTabsAndLineBreaks() {
            assertThat(Html.escape("a\u0000b\u001bc\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
        }
    }
}
