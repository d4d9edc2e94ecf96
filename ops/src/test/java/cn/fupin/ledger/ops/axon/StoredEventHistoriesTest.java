package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.disclosure.publisher.EventHistories;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many streams read in a few queries answer what the event store answers stream by stream, from each stream's first
 * event (a snapshotted fund's whole history, not the snapshot), in the order asked, an unknown stream empty. Fiscal
 * year 2067 is this class's own.
 */
@LedgerTest
class StoredEventHistoriesTest extends LedgerApiTest {

    private static final String FUND = "FUND-510824-2067-MUNICIPAL";

    @Autowired
    EventStore eventStore;
    @Autowired
    EventHistories histories;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    EventUpcasterChain ledgerUpcasters;

    @Test
    void manyStreamsReadTogetherAreEachStreamAsTheStoreReadsItFromItsFirstEvent() {
        for (int n = 1; n <= 25; n++) {
            Api.Response created = api.as("clerk").post("/api/funds/appropriations", """
                    {"fiscalYear": 2067, "source": "MUNICIPAL", "amountFen": %d, "documentNo": "历史〔2067〕%d号",
                     "note": "histories"}
                    """.formatted(n, n));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
        }
        // (the suite snapshots after 20 events, on the snapshotter's thread)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, FUND))
                .isEqualTo(1L));
        // the newest streams of aggregates (an event published by no aggregate is stored under its own id, without a type,
        // and is no stream to read: the store's own read fails on it as well)
        List<String> ids = new ArrayList<>(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE type IS NOT NULL GROUP BY aggregate_identifier ORDER BY MIN(global_index) DESC LIMIT 60",
                String.class));
        ids.add(0, "NO-SUCH-STREAM");
        ids.add(FUND); // asked twice: answered once
        EventHistories oneByOne = EventHistories.readingEach(eventStore);
        // seven streams a query, so that the answer crosses queries
        EventHistories inSevens = new StoredEventHistories(jdbc, eventSerializer, ledgerUpcasters, 7);

        Map<String, List<Object>> together = inSevens.of(ids);

        assertThat(together).containsExactlyEntriesOf(oneByOne.of(ids));
        assertThat(together.keySet()).containsExactlyElementsOf(ids.stream().distinct().toList());
        assertThat(together.get("NO-SUCH-STREAM")).isEmpty();
        assertThat(together.get(FUND)).hasSize(25).allSatisfy(event ->
                assertThat(event).isInstanceOf(FundsAppropriatedEvent.class));
        assertThat(((FundsAppropriatedEvent) together.get(FUND).get(0)).amountFen()).isEqualTo(1L);
        assertThat(histories.of(ids)).isEqualTo(together);
    }
}
