package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public pages are served from the store of rendered pages, and a command re-renders only the pages its events
 * affect: recorded over HTTP, its pages' stored rows move on (a later event index, new bytes that show the fact, and
 * the same bytes served), while the pages it does not touch keep their row (event index, rendered-at, bytes). Fiscal
 * year 2088; households T-8400… in 守垭村 (510824118203) of 岳东镇 (510824118), a road in 云寨村 (510824118207); their
 * neighbour 三塘村 (510824118204) and the township 石马镇 (510824119) with 红星社区 are never touched here.
 */
@LedgerTest
class PageStoreApiTest extends LedgerApiTest {

    static final int YEAR = 2088;
    static final String TOWNSHIP = "510824118";
    static final String VILLAGE = "510824118203";
    static final String NEIGHBOUR = "510824118204";
    static final String PROJECT_VILLAGE = "510824118207";
    static final String OTHER_TOWNSHIP = "510824119";
    static final String OTHER_VILLAGE = "510824119001";

    @Autowired
    PageStore store;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventStore eventStore;

    @Autowired
    RendererFingerprint renderer;

    Ledger ledger;

    @BeforeEach
    void ledger() {
        ledger = new Ledger(api);
    }

    /** Every page of the list served once (so stored), then the store once the re-renderer has caught up. */
    Map<String, PageStore.StoredPage> storedAfterServing(List<String> paths) {
        for (String path : paths) {
            assertThat(api.anonymous().get("/disclosure/" + path).status()).as(path).isEqualTo(200);
        }
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        Map<String, PageStore.StoredPage> rows = new LinkedHashMap<>();
        for (String path : paths) {
            rows.put(path, store.row(path).orElseThrow(() -> new AssertionError(path + " was served but not stored")));
        }
        return rows;
    }

    /** Waits until the page's stored row is from a later event than before, and returns it. */
    PageStore.StoredPage movedOn(String path, PageStore.StoredPage before) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> store.row(path).orElseThrow(), row -> row.eventIndex() > before.eventIndex());
    }

    static String text(PageStore.StoredPage row) {
        return new String(row.content(), StandardCharsets.UTF_8);
    }

    String served(String path) {
        Api.Response page = api.anonymous().get("/disclosure/" + path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body();
    }

    @Test
    void aPoorVillageDesignationReRendersItsVillageAndTownshipAndNoOtherPage() {
        List<String> untouched = List.of(Site.place(NEIGHBOUR), Site.place(OTHER_TOWNSHIP), Site.place(OTHER_VILLAGE));
        List<String> touched = List.of(Site.place(VILLAGE), Site.place(TOWNSHIP));
        List<String> all = new ArrayList<>(touched);
        all.addAll(untouched);
        Map<String, PageStore.StoredPage> before = storedAfterServing(all);
        assertThat(text(before.get(Site.place(VILLAGE)))).doesNotContain("贫困村（" + YEAR + "年）");

        ledger.designatePoor(VILLAGE, YEAR);

        for (String path : touched) {
            PageStore.StoredPage after = movedOn(path, before.get(path));
            assertThat(after.sha256()).as(path).isNotEqualTo(before.get(path).sha256());
            assertThat(text(after)).as(path).contains("贫困村（" + YEAR + "年）");
            assertThat(after.renderer()).isEqualTo(renderer.value());
            assertThat(after.contentType()).isEqualTo("text/html;charset=UTF-8");
            assertThat(after.sha256()).isEqualTo(PageStore.sha256(after.content()));
            assertThat(served(path)).isEqualTo(text(after));
        }
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        for (String path : untouched) {
            assertThat(store.row(path)).as(path).contains(before.get(path));
        }
    }

    @Test
    void aRegisteredHouseholdCountsOnItsVillageItsTownshipAndTheCountyAndNowhereElse() {
        List<String> touched = List.of(Site.place(VILLAGE), Site.place(TOWNSHIP), Site.COUNTY);
        List<String> untouched = List.of(Site.place(NEIGHBOUR), Site.place(OTHER_TOWNSHIP));
        List<String> all = new ArrayList<>(touched);
        all.addAll(untouched);
        Map<String, PageStore.StoredPage> before = storedAfterServing(all);
        int registered = registeredIn(text(before.get(Site.place(VILLAGE))));

        ledger.importHouseholds(household(8400).withVillageCode(VILLAGE));

        for (String path : touched) {
            movedOn(path, before.get(path));
        }
        String village = text(store.row(Site.place(VILLAGE)).orElseThrow());
        assertThat(registeredIn(village)).isEqualTo(registered + 1);
        assertThat(served(VILLAGE + "/")).isEqualTo(village);
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        for (String path : untouched) {
            assertThat(store.row(path)).as(path).contains(before.get(path));
        }
    }

    @Test
    void anApprovedProjectShowsOnItsVillageItsTownshipAndTheCountyOnceItsReadModelsHaveIt() {
        String fund = ledger.appropriate(YEAR, "CENTRAL", 200_000, "岳东测〔2088〕1号");
        String name = "云寨村产业路硬化";
        List<String> touched = List.of(Site.place(PROJECT_VILLAGE), Site.place(TOWNSHIP), Site.COUNTY);
        List<String> all = new ArrayList<>(touched);
        all.add(Site.place(NEIGHBOUR));
        ledger.designatePoor(PROJECT_VILLAGE, YEAR);
        String projectId = ledger.propose("clerk", project(name, "ROADS", PROJECT_VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 80_000) + "]"));
        Map<String, PageStore.StoredPage> before = storedAfterServing(all);
        assertThat(text(before.get(Site.COUNTY))).as("a proposal is not public").doesNotContain(name);

        ledger.approve("approver", projectId);

        for (String path : touched) {
            PageStore.StoredPage after = movedOn(path, before.get(path));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> text(store.row(path).orElseThrow()).contains(name));
            assertThat(after.eventIndex()).isGreaterThan(before.get(path).eventIndex());
        }
        assertThat(served(Site.place(PROJECT_VILLAGE))).contains("<h3>" + name + "</h3>", "苍扶贫〔2041〕9号");
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        assertThat(store.row(Site.place(NEIGHBOUR))).contains(before.get(Site.place(NEIGHBOUR)));
    }

    @Test
    void aPageRenderedByAnotherRendererIsRenderedAgainBeforeItIsServedAndKeepsItsEventIndex() {
        String path = Site.place(NEIGHBOUR);
        PageStore.StoredPage before = storedAfterServing(List.of(path)).get(path);
        jdbc.update("UPDATE public_page SET content = ?, renderer = ? WHERE path = ?",
                "旧版页面".getBytes(StandardCharsets.UTF_8), "0".repeat(64), path);

        String page = served(path);

        assertThat(page).isEqualTo(text(before)).doesNotContain("旧版页面");
        PageStore.StoredPage after = store.row(path).orElseThrow();
        assertThat(after.renderer()).isEqualTo(renderer.value());
        assertThat(after.content()).isEqualTo(before.content());
        assertThat(after.eventIndex()).isGreaterThanOrEqualTo(before.eventIndex());
    }

    @Nested
    class WritesFromSeveralNodes {

        /** A path of no real page, so that the re-renderer never writes it while these tests do. */
        static final String PATH = "notices/NTC-STORE-TEST-%d.html";
        static int paths;

        String path;

        @BeforeEach
        void aPathOfItsOwn() {
            path = PATH.formatted(++paths);
        }

        PublicPages.Rendered page(String text) {
            return new PublicPages.Rendered(text.getBytes(StandardCharsets.UTF_8), List.of("NTC-1", "NTC-2"));
        }

        @Test
        void theRenderingOfTheLaterEventWinsWhicheverIsWrittenLast() {
            assertThat(store.keep(path, page("第120号之后"), 120)).isTrue();

            assertThat(store.keep(path, page("第110号之后"), 110)).as("an older rendering").isFalse();
            assertThat(text(store.row(path).orElseThrow())).isEqualTo("第120号之后");
            assertThat(store.keep(path, page("第120号之后，又渲染一次"), 120)).as("the same point again").isTrue();
            assertThat(store.keep(path, page("第130号之后"), 130)).isTrue();

            PageStore.StoredPage row = store.row(path).orElseThrow();
            assertThat(text(row)).isEqualTo("第130号之后");
            assertThat(row.eventIndex()).isEqualTo(130);
            assertThat(row.linkedNotices()).containsExactly("NTC-1", "NTC-2");
        }

        @Test
        void aFirstRenderingNeverReplacesWhatTheReRendererWrote() {
            store.keep(path, page("重新渲染"), 140);

            store.keepFirstRendering(path, page("首次请求"), 0);

            assertThat(text(store.row(path).orElseThrow())).isEqualTo("重新渲染");
            assertThat(store.find(path).orElseThrow().noticeIds()).containsExactly("NTC-1", "NTC-2");
        }

        @Test
        void aFirstRenderingIsStoredWhereNothingIsAndTheReRendererReplacesIt() {
            store.keepFirstRendering(path, page("首次请求"), 0);
            assertThat(text(store.row(path).orElseThrow())).isEqualTo("首次请求");

            store.keep(path, page("重新渲染"), store.row(path).orElseThrow().eventIndex());

            assertThat(text(store.row(path).orElseThrow())).isEqualTo("重新渲染");
        }

        @Test
        void twelveNodesWritingTheSamePageAtOnceLeaveTheHighestEventIndexsRendering() throws Exception {
            ExecutorService nodes = Executors.newFixedThreadPool(12);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Boolean>> writes = new ArrayList<>();
                for (int node = 1; node <= 12; node++) {
                    long eventIndex = 1_000 + node;
                    writes.add(nodes.submit(() -> {
                        start.await();
                        return store.keep(path, page("第" + eventIndex + "号之后"), eventIndex);
                    }));
                }
                start.countDown();
                for (Future<Boolean> write : writes) {
                    write.get(30, TimeUnit.SECONDS);
                }
            } finally {
                nodes.shutdownNow();
            }

            PageStore.StoredPage row = store.row(path).orElseThrow();
            assertThat(row.eventIndex()).isEqualTo(1_012);
            assertThat(text(row)).isEqualTo("第1012号之后");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM public_page WHERE path = ?", Integer.class, path))
                    .isEqualTo(1);
        }
    }

    static final Pattern REGISTERED = Pattern.compile("本村建档立卡贫困户 (\\d+) 户");

    /** The number in "本村建档立卡贫困户 N 户" of a village page, 0 when the page shows no coverage line. */
    static int registeredIn(String villagePage) {
        Matcher count = REGISTERED.matcher(villagePage);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }
}
