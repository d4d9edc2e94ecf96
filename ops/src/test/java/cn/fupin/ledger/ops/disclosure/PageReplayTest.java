package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resetting the re-renderer (processing group {@code disclosure-pages}) empties the store and replays every event: the
 * pages the events touch are rendered again with exactly the bytes they had. In a context and database of its own
 * (so that the replay covers this class's facts only): fiscal year 2088, households T-8410… in 守垭村 (510824118203).
 */
@LedgerTest
@TestPropertySource(properties = "ledger.test.context=pages-replay")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PageReplayTest extends LedgerApiTest {

    static final int YEAR = 2088;
    static final String VILLAGE = "510824118203";

    @Autowired
    PageStore store;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    /** The stored pages by path: their SHA-256. */
    Map<String, String> stored() {
        Map<String, String> pages = new TreeMap<>();
        store.rows().forEach(row -> pages.put(row.path(), row.sha256()));
        return pages;
    }

    @Test
    void aResetReplaysEveryEventAndRendersTheSameBytesAgain() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "PROVINCIAL", 300_000, "重放测〔2088〕1号");
        ledger.importHouseholds(IntStream.rangeClosed(8410, 8412).mapToObj(n -> household(n).withVillageCode(VILLAGE))
                .toArray(Households.Row[]::new));
        ledger.designatePoor(VILLAGE, YEAR);
        String road = ledger.propose("clerk", project("守垭村村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 100_000) + "]"));
        ledger.approve("approver", road);
        ledger.requestDisbursement("clerk", road, "villageCode", VILLAGE, 20_000_00L, "重放测付〔2088〕1号");
        Api.Response notice = api.as("clerk").post("/api/notices", """
                {"noticeId": "NTC-REPLAY-1", "kind": "PROJECT_PLAN", "level": "VILLAGE", "placeCode": "%s",
                 "placeName": "守垭村", "title": "守垭村村道项目公示", "body": "公示期内如有异议，请向村委会反映。",
                 "fields": [], "columns": ["项目", "金额（元）"], "rows": [{"item": "%s", "cells": ["村道", "100000.00"]}],
                 "supervisionPhone": "0839-5222000", "hotline": "12317"}
                """.formatted(VILLAGE, road));
        assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.row("notices/NTC-REPLAY-1.csv").isPresent());
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        Map<String, String> before = stored();
        assertThat(before).containsKeys(Site.COUNTY, Site.place(VILLAGE), Site.place("510824118"),
                "notices/NTC-REPLAY-1.html", "notices/NTC-REPLAY-1.json", "notices/NTC-REPLAY-1.csv");

        StreamingEventProcessor refresher = processing
                .eventProcessor(PageRefresher.GROUP, PooledStreamingEventProcessor.class).orElseThrow();
        refresher.shutDown();
        refresher.resetTokens();
        assertThat(stored()).as("the reset empties the store").isEmpty();
        refresher.start();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            // (Axon ends a replay with the first event after the reset; until then the status says "replaying".)
            assertThat(refresher.processingStatus().values()).allSatisfy(status -> {
                assertThat(status.isCaughtUp()).isTrue();
                assertThat(status.getCurrentPosition()).isEqualTo(status.getResetPosition());
            });
            assertThat(stored()).isEqualTo(before);
        });
    }
}
