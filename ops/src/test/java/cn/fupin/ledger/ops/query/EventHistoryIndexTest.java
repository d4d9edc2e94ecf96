package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.stored.Subjects;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ObjectAssert;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event history's index ({@code audit_event}, {@code audit_subject}) is what a rebuild from the event store would
 * make: every event up to a cut, read through the upcasters ({@link LedgerEvents}), with the subjects
 * {@link Subjects#of} names and its own stream, exactly once. Its processor takes every event in the store's order on
 * one segment, and stops and retries on a failure as every read model does.
 */
@LedgerTest
class EventHistoryIndexTest extends LedgerApiTest {

    static final String GROUP = "audit-subjects";

    @Autowired
    LedgerEvents ledgerEvents;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theIndexEqualsARebuildFromTheEventStore() {
        new Ledger(api).importHouseholds(Households.household(7610).withVillageCode("510824108211"),
                Households.household(7611).withVillageCode("510824108211"));
        long cut = ledgerEvents.lastIndex();
        // An event of a transaction still open at the cut has an index below it and arrives later: the index and the
        // rebuild must agree once it has (a processor that skipped it never would).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> theIndexUpTo(cut).isEqualTo(rebuildUpTo(cut)));
        Index index = rebuildUpTo(cut);
        assertThat(index.events()).hasSizeGreaterThan(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_subject WHERE global_index <= ?", Long.class, cut))
                .isEqualTo(index.subjects().values().stream().mapToLong(Set::size).sum());
    }

    @Test
    void anEventWhoseTransactionCommitsAfterLaterOnesIsIndexedUnderItsOwnIndex() throws Exception {
        // A slow transaction takes a global index and stays open while later events commit: the processor sees the
        // later ones first and keeps the index as a gap. When the slow one commits, its event fills the gap; the
        // token given with it then names the highest index seen, not the event's own (the index once took that and
        // skipped every late event as one it had indexed already).
        EventAppender appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
        String viewId = "gap-" + UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<?> slowTransaction = slow.submit(() -> appender.inTransaction(() -> {
                appender.appendNow("AuditEventsView", "AEV-" + viewId, new AuditEventsViewedEvent(viewId, "auditor",
                        "T-7612", null, null, null, null, null, null, "newest", null, 50, "json", 0, false));
                appended.countDown();
                awaitLatch(commit);
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            new Ledger(api).importHouseholds(Households.household(7612).withVillageCode("510824108211"),
                    Households.household(7613).withVillageCode("510824108211"));
            long later = ledgerEvents.lastIndex();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT COALESCE(MAX(global_index), -1) FROM audit_event", Long.class) >= later);
            commit.countDown();
            slowTransaction.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            slow.shutdownNow();
        }

        long own = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "AEV-" + viewId);
        assertThat(own).isLessThan(ledgerEvents.lastIndex());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT aggregate_id FROM audit_event WHERE global_index = ?", String.class, own))
                .containsExactly("AEV-" + viewId));
        assertThat(jdbc.queryForList("SELECT global_index FROM audit_subject WHERE subject = ?", Long.class,
                "AEV-" + viewId)).containsExactly(own);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the slow transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each event's row and the set of its subjects, by global index. */
    record Index(Map<Long, List<Object>> events, Map<Long, Set<String>> subjects) {
    }

    private Index rebuildUpTo(long cut) {
        Map<Long, List<Object>> events = new TreeMap<>();
        Map<Long, Set<String>> subjects = new TreeMap<>();
        ledgerEvents.walk(-1, event -> {
            if (event.globalIndex() > cut) {
                return false;
            }
            events.put(event.globalIndex(), Arrays.asList(event.eventId(), event.type(),
                    event.aggregateType(), event.aggregateId(), event.sequence(),
                    event.timestamp().getEpochSecond() * 1_000_000_000L + event.timestamp().getNano(),
                    event.meta("actor"), event.meta("role"), event.meta("requestId")));
            Set<String> named = new TreeSet<>(Subjects.of(event.payload()));
            named.add(event.aggregateId());
            subjects.put(event.globalIndex(), named);
            return true;
        });
        return new Index(events, subjects);
    }

    private ObjectAssert<Index> theIndexUpTo(long cut) {
        Map<Long, List<Object>> events = new TreeMap<>();
        jdbc.query("SELECT global_index, event_id, type, aggregate_type, aggregate_id, sequence_number,"
                + " timestamp_nanos, actor, role, request_id FROM audit_event WHERE global_index <= ?", rs -> {
                    events.put(rs.getLong(1), Arrays.asList(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6),
                            rs.getLong(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }, cut);
        Map<Long, Set<String>> subjects = new TreeMap<>();
        jdbc.query("SELECT global_index, subject FROM audit_subject WHERE global_index <= ?", rs -> {
            subjects.computeIfAbsent(rs.getLong(1), i -> new TreeSet<>()).add(rs.getString(2));
        }, cut);
        return assertThat(new Index(events, subjects));
    }

    @Test
    void theIndexTakesEveryEventInTheStoresOrderOnOneSegmentAndRetriesOnFailure() {
        assertThat(processing.eventProcessor(GROUP, PooledStreamingEventProcessor.class)).isPresent();
        assertThat(processing.sequencingPolicy(GROUP)).isInstanceOf(SequentialPolicy.class);
        assertThat(processing.listenerInvocationErrorHandler(GROUP)).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.errorHandler(GROUP)).isInstanceOf(PropagatingErrorHandler.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT segment FROM token_entry WHERE processor_name = ?", Integer.class, GROUP)).containsExactly(0));
    }
}
