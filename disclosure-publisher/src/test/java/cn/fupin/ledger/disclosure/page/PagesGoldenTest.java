package cn.fupin.ledger.disclosure.page;

import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and every notice kind (HTML, JSON, CSV) rendered from fixed data equals its golden file byte for byte.
 * See {@link GoldenFiles} for how to regenerate them.
 */
class PagesGoldenTest {

    @Test
    void theCountyPageMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("county.html", Pages.county(Fixtures.countyPage()));
    }

    @Test
    void theCountysPageOfAYearMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("county-year-2094.html", Pages.countyYear(Fixtures.countyYearPage2094()));
    }

    @Test
    void aTownshipPageMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("township.html", Pages.township(Fixtures.townshipPage()));
    }

    @Test
    void aVillagePageMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("village.html", Pages.village(Fixtures.villagePage()));
    }

    @Test
    void aVillagesPageOfAYearMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("village-year-2094.html", Pages.placeYear(Fixtures.villageYearPage2094()));
    }

    @Test
    void theNotFoundPageMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("not-found.html", Pages.notFound("苍溪县", "/disclosure/"));
    }

    @Test
    void theStylesheetMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("style.css", Pages.stylesheet());
    }

    @Test
    void theFixturesHoldOneNoticeOfEveryKind() {
        assertThat(Fixtures.allNotices().stream().map(notice -> notice.content().kind()))
                .containsExactlyInAnyOrder(NoticeKind.values());
    }

    static Stream<NoticeView> notices() {
        return Fixtures.allNotices().stream();
    }

    static String name(NoticeView notice) {
        return "notice-" + notice.content().kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void everyNoticeKindsPageMatchesItsGoldenFile(NoticeView notice) {
        GoldenFiles.assertMatches(name(notice) + ".html", Pages.notice(Fixtures.noticePage(notice)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void everyNoticeKindsJsonMatchesItsGoldenFile(NoticeView notice) {
        GoldenFiles.assertMatches(name(notice) + ".json", Pages.noticeJson(notice));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void everyNoticeKindsCsvMatchesItsGoldenFile(NoticeView notice) {
        GoldenFiles.assertMatches(name(notice) + ".csv", Pages.noticeCsv(notice));
    }
}
