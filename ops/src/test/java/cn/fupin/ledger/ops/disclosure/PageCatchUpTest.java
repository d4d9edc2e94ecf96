package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The re-renderer far behind the head (after an upgrade that rebuilds the pages, a replay, a long stop) notes the pages
 * its events affect instead of rendering them once per batch, and {@link PendingPageRenderer} renders each noted page
 * once at the head: the pages end as current as if every batch had rendered them.
 */
@LedgerTest
class PageCatchUpTest extends LedgerApiTest {

    static final int YEAR = 2093;

    @Autowired
    PageRefresher refresher;

    @Autowired
    PendingPages pending;

    @Autowired
    PageStore store;

    @Autowired
    PageRenderer renderer;

    @Autowired
    EventStore eventStore;

    @Autowired
    Gazetteer gazetteer;

    @Autowired
    PendingPageRenderer pendingRenderer;

    long head() {
        return eventStore.createHeadToken().position().orElseThrow();
    }

    StreamingEventProcessor reRenderer() {
        return eventProcessing.eventProcessor(PageRefresher.GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    @Test
    void pagesOfEventsFarBehindTheHeadAreNotedThenRenderedOnceAtTheHead() {
        Place township = gazetteer.townships().stream()
                .max(java.util.Comparator.comparingInt(place -> gazetteer.villagesOf(place.code()).size())).orElseThrow();
        List<String> villages = gazetteer.villagesOf(township.code()).stream().limit(12).map(Place::code).toList();
        assertThat(villages).hasSize(12);
        Ledger ledger = new Ledger(api);
        PublicPagesCaughtUp.awaitPages(readModelProgress, eventStore, jdbc);
        long notedBefore = refresher.statistics().noted();
        long renderedBefore = pendingRenderer.counts()[0];

        reRenderer().shutDown();
        try {
            // twelve designations, each changing its village, the township and the county, while no page is rendered
            villages.forEach(village -> ledger.designatePoor(village, YEAR));
            refresher.catchUpBehind(3);
            reRenderer().start();
            PublicPagesCaughtUp.awaitPages(readModelProgress, eventStore, jdbc);

            // the first nine (at least) were more than three events behind the head: their pages were noted
            assertThat(refresher.statistics().noted() - notedBefore).isGreaterThanOrEqualTo(9);
            assertThat(pendingRenderer.counts()[0] - renderedBefore).isPositive();
            List<String> paths = new ArrayList<>(villages.stream().map(village -> village + "/index.html").toList());
            paths.add(township.code() + "/index.html");
            for (String path : paths) {
                // as current as a rendering now (a page is stored at the point it was rendered, which may be before
                // the last designation when no later one changed it)
                PageStore.StoredPage stored = store.row(path).orElseThrow();
                assertThat(stored.content()).as(path).isEqualTo(renderer.render(path).orElseThrow().bytes());
                assertThat(new String(stored.content(), java.nio.charset.StandardCharsets.UTF_8)).as(path)
                        .contains(String.valueOf(YEAR));
            }
            assertThat(pending.next(1_000)).doesNotContainAnyElementsOf(paths);
        } finally {
            refresher.catchUpBehind(2000);
            reRenderer().start();
        }
    }

    @Test
    void aNotedPageThatCannotBeRenderedStaysNotedAndTheOthersAreRendered() {
        // a township that does not exist: its path sorts before every real one
        String impossible = "000000000/index.html";
        String village = gazetteer.villagesOf(gazetteer.townships().get(4).code()).get(0).code() + "/index.html";
        PublicPagesCaughtUp.awaitPages(readModelProgress, eventStore, jdbc);
        long at = head();
        try {
            pending.note(List.of(impossible, village), at);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(pending.next(1_000)).contains(impossible).doesNotContain(village);
                assertThat(store.row(village).orElseThrow().eventIndex()).isGreaterThanOrEqualTo(at);
            });
            assertThat(pendingRenderer.counts()[1]).isPositive();
        } finally {
            pending.rendered(impossible, Long.MAX_VALUE);
        }
    }

    @Test
    void aPageNotedAgainAfterItsRenderingStartedStaysNoted() {
        String first = "notices/NTC-CATCH-UP-TEST-1.html";
        String second = "notices/NTC-CATCH-UP-TEST-2.html";
        try {
            pending.note(List.of(first, second), 40);
            pending.note(List.of(first), 30);
            pending.note(List.of(first), 50);

            // rendered from read models that had seen event 45: the note of event 50 stays
            assertThat(pending.rendered(first, 45)).isFalse();
            assertThat(pending.rendered(second, 45)).isTrue();
            assertThat(jdbc.queryForList("SELECT first_event, last_event FROM public_page_pending WHERE path = ?",
                    first)).singleElement().satisfies(row -> {
                        assertThat(((Number) row.get("first_event")).longValue()).isEqualTo(30);
                        assertThat(((Number) row.get("last_event")).longValue()).isEqualTo(50);
                    });
            assertThat(pending.rendered(first, 50)).isTrue();
        } finally {
            pending.rendered(first, Long.MAX_VALUE);
            pending.rendered(second, Long.MAX_VALUE);
        }
    }

    @Test
    void moreNotedPagesThanOneStatementTakesAreAllNoted() {
        Set<String> paths = new TreeSet<>();
        IntStream.range(0, PendingPages.AT_ONCE * 2 + 7)
                .forEach(n -> paths.add("notices/NTC-CATCH-UP-MANY-%04d.html".formatted(n)));
        try {
            pending.note(paths, 7);
            pending.note(paths, 8);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM public_page_pending WHERE path LIKE"
                    + " 'notices/NTC-CATCH-UP-MANY-%' AND first_event = 7 AND last_event = 8", Long.class))
                    .isEqualTo(paths.size());
        } finally {
            paths.forEach(path -> pending.rendered(path, Long.MAX_VALUE));
        }
    }
}
