package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.CountyPage;
import cn.fupin.ledger.disclosure.page.CountyYearPage;
import cn.fupin.ledger.disclosure.page.Pages;
import cn.fupin.ledger.disclosure.page.PlacePath;
import cn.fupin.ledger.disclosure.page.PlaceYearPage;
import cn.fupin.ledger.disclosure.page.TownshipPage;
import cn.fupin.ledger.disclosure.page.VillagePage;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import cn.fupin.ledger.shared.place.TownshipView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The static site follows every notice the pages link to, corrections included and those only the county's pages of
 * their years list, and writes each as HTML, JSON and CSV beside the pages of every place and year; a notice id that cannot name a file is left out, never written elsewhere. A
 * notice page's objection form posts to the configured live site, or is left out when there is none.
 */
@OneDatabaseSuffices
class DisclosureSiteWriterTest {

    private static final Gazetteer GAZETTEER = Notices.GAZETTEER;

    private final DisclosurePageAssembler assembler = mock(DisclosurePageAssembler.class);
    private final DisclosureSiteWriter writer = new DisclosureSiteWriter(
            new PublicPages(new PageRenderer(assembler), mock(PageStore.class), ""));

    private final NoticeView corrected = Notices.grantList("N-2094-0102", null, "N-2094-0103");
    private final NoticeView correction = Notices.grantList("N-2094-0103", "N-2094-0102", null);
    private final NoticeView older = Notices.grantList("N-2093-0001", null, null);
    private final NoticeView olderOfVillage = Notices.grantList("N-2093-0002", null, null);

    @TempDir
    Path folder;

    @BeforeEach
    void aCountyWhoseVillageListsACorrectedNotice() {
        when(assembler.gazetteer()).thenReturn(GAZETTEER);
        // The county page lists no notice; the page of 2093 lists one older notice, found only through it.
        when(assembler.county()).thenReturn(new CountyPage(PlacePath.county(GAZETTEER.county()), List.of(),
                List.of(2093), List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), true));
        when(assembler.countyYears()).thenReturn(List.of(2093));
        when(assembler.countyYear(2093)).thenReturn(Optional.of(new CountyYearPage(PlacePath.county(GAZETTEER.county()),
                2093, List.of(2093), List.of(), List.of(), null, List.of(), List.of(), List.of(older))));
        when(assembler.notice("N-2093-0001")).thenReturn(Optional.of(Notices.page(older)));
        when(assembler.township(anyString())).thenAnswer(call -> {
            Place township = GAZETTEER.township(call.getArgument(0)).orElseThrow();
            return Optional.of(new TownshipPage(PlacePath.township(GAZETTEER.county(), township),
                    new TownshipView(township.code(), township.name(), List.of()), List.of(), List.of(), List.of(), false,
                    List.of()));
        });
        when(assembler.village(anyString())).thenAnswer(call -> {
            Place village = GAZETTEER.village(call.getArgument(0)).orElseThrow();
            Place township = GAZETTEER.township(village.parentCode()).orElseThrow();
            // 宝珠村 lists the corrected notice only (its correction is found through it) and one id that is no file name.
            List<NoticeSummaryView> notices = village.code().equals(Notices.VILLAGE)
                    ? Stream.of(corrected, Notices.grantList("../../escaped", null, null)).map(NoticeSummaryView::of)
                    .toList() : List.of();
            return Optional.of(new VillagePage(PlacePath.village(GAZETTEER.county(), township, village),
                    new TownshipView.VillageView(village.code(), village.name(), false, List.of()), List.of(),
                    null, List.of(), java.util.Map.of(), null, notices, village.code().equals(Notices.VILLAGE),
                    village.code().equals(Notices.VILLAGE) ? List.of(2094, 2093) : List.of()));
        });
        // 宝珠村's older notice is on its page of 2093 only; its page of 2094 lists the corrected one again.
        when(assembler.placeYears(anyString())).thenAnswer(call -> Notices.VILLAGE.equals(call.getArgument(0))
                ? List.of(2094, 2093) : List.of());
        Place village = GAZETTEER.village(Notices.VILLAGE).orElseThrow();
        PlacePath villagePath = PlacePath.village(GAZETTEER.county(),
                GAZETTEER.township(village.parentCode()).orElseThrow(), village);
        when(assembler.placeYear(Notices.VILLAGE, 2094)).thenReturn(Optional.of(new PlaceYearPage(villagePath, 2094,
                List.of(2094, 2093), List.of(NoticeSummaryView.of(corrected)), List.of(), java.util.Map.of())));
        when(assembler.placeYear(Notices.VILLAGE, 2093)).thenReturn(Optional.of(new PlaceYearPage(villagePath, 2093,
                List.of(2094, 2093), List.of(NoticeSummaryView.of(olderOfVillage)), List.of(), java.util.Map.of())));
        when(assembler.notice("N-2093-0002")).thenReturn(Optional.of(Notices.page(olderOfVillage)));
        when(assembler.notice("N-2094-0102")).thenReturn(Optional.of(Notices.page(corrected)));
        when(assembler.notice("N-2094-0103")).thenReturn(Optional.of(Notices.page(correction)));
    }

    @Test
    void writesEveryPlaceTheStylesheetAndEachLinkedNoticeInItsThreeFormats() throws Exception {
        DisclosureSiteWriter.Written written = writer.write(folder);

        assertThat(written.places()).isEqualTo(GAZETTEER.townships().size() + GAZETTEER.villageCount());
        assertThat(written.notices()).isEqualTo(4);
        assertThat(folder.resolve("years/2093.html")).exists();
        assertThat(folder.resolve(Notices.VILLAGE + "/2094.html")).exists();
        assertThat(folder.resolve(Notices.VILLAGE + "/2093.html"))
                .hasBinaryContent(Pages.placeYear(assembler.placeYear(Notices.VILLAGE, 2093).orElseThrow()));
        assertThat(folder.resolve("notices/N-2093-0002.html")).exists();
        assertThat(folder.resolve("notices/N-2093-0001.html")).exists();
        assertThat(folder.resolve("style.css")).hasBinaryContent(Pages.stylesheet());
        assertThat(folder.resolve("510824105/index.html")).exists();
        assertThat(folder.resolve("510824105203/index.html")).exists();
        assertThat(folder.resolve("notices/N-2094-0103.json")).hasBinaryContent(correction.contentBytes());
        assertThat(folder.resolve("notices/N-2094-0103.csv")).hasBinaryContent(Pages.noticeCsv(correction));
        assertThat(folder.resolve("notices/N-2094-0102.html")).hasBinaryContent(Pages.notice(Notices.page(corrected)));
        assertThat(written.files()).isEqualTo(2 + 1 + written.places() + 2 + 4 * 3);
    }

    @Test
    void aNoticeIdThatCannotNameAFileIsLeftOutAndNothingLeavesTheFolder() throws Exception {
        Path site = folder.resolve("county").resolve("site");

        writer.write(site);

        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith("escaped"))).isEmpty();
        }
        try (Stream<Path> notices = Files.list(site.resolve("notices"))) {
            assertThat(notices.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "N-2093-0001.html", "N-2093-0001.json", "N-2093-0001.csv",
                    "N-2093-0002.html", "N-2093-0002.json", "N-2093-0002.csv",
                    "N-2094-0102.html", "N-2094-0102.json", "N-2094-0102.csv",
                    "N-2094-0103.html", "N-2094-0103.json", "N-2094-0103.csv");
        }
    }

    @Test
    void writingAgainReplacesTheFilesAndLeavesNoTemporaryFile() throws Exception {
        writer.write(folder);
        Files.writeString(folder.resolve("index.html"), "stale");

        writer.write(folder);

        assertThat(folder.resolve("index.html")).hasBinaryContent(Pages.county(assembler.county()));
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith(".writing-"));
        }
    }

    @Test
    void withoutALiveAddressAStaticNoticePageCarriesNoFormButSaysWhereElseToObject() throws Exception {
        writer.write(folder);

        String page = Files.readString(folder.resolve("notices/N-2094-0103.html"));
        assertThat(page).doesNotContain("<form").contains("这是公告公示网站的离线副本，不能在此提交异议");
        assertThat(folder.resolve("notices/N-2094-0103.html"))
                .hasBinaryContent(Pages.notice(Notices.page(correction).withLiveRoot(null)));
        assertThat(new String(Pages.notice(Notices.page(correction)), java.nio.charset.StandardCharsets.UTF_8))
                .as("the same notice served live").contains("<form method=\"post\" action=\"../notices/N-2094-0103/objections\"");
    }

    @Test
    void withALiveAddressAStaticNoticePagesFormPostsToTheLiveLedger() throws Exception {
        new DisclosureSiteWriter(new PublicPages(new PageRenderer(assembler), mock(PageStore.class),
                "https://fupin.example.gov.cn/disclosure/")).write(folder);

        assertThat(Files.readString(folder.resolve("notices/N-2094-0103.html"))).contains("<form method=\"post\" "
                + "action=\"https://fupin.example.gov.cn/disclosure/notices/N-2094-0103/objections\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fupin.example.gov.cn/disclosure/", "ftp://fupin.example.gov.cn/disclosure/",
            "https://fupin.example.gov.cn/disclosure", "https://fupin.example.gov.cn/disclosure/?a=1",
            "javascript:alert(1)//", "https:///disclosure/", "https://fupin.example.gov.cn/\"><b>/"})
    void aLiveAddressThatIsNotAnAbsoluteHttpFolderIsRefusedAtStartUp(String address) {
        assertThatThrownBy(() -> new PublicPages(new PageRenderer(assembler), mock(PageStore.class), address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ledger.disclosure.live-address");
    }
}
