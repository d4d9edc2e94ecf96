package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.shared.stored.Subjects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

    @Test
    void theIndexEqualsARebuildFromTheEventStore() {
        new Ledger(api).importHouseholds(Households.household(7610).withVillageCode("510824108211"),
                Households.household(7611).withVillageCode("510824108211"));
        long cut = ledgerEvents.lastIndex();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COALESCE(MAX(global_index), -1) FROM audit_event", Long.class) >= cut);

        Map<Long, List<Object>> expectedEvents = new TreeMap<>();
        Map<Long, Set<String>> expectedSubjects = new TreeMap<>();
        ledgerEvents.walk(-1, event -> {
            if (event.globalIndex() > cut) {
                return false;
            }
            expectedEvents.put(event.globalIndex(), Arrays.asList(event.eventId(), event.type(),
                    event.aggregateType(), event.aggregateId(), event.sequence(),
                    event.timestamp().getEpochSecond() * 1_000_000_000L + event.timestamp().getNano(),
                    event.meta("actor"), event.meta("role"), event.meta("requestId")));
            Set<String> subjects = new TreeSet<>(Subjects.of(event.payload()));
            subjects.add(event.aggregateId());
            expectedSubjects.put(event.globalIndex(), subjects);
            return true;
        });

        Map<Long, List<Object>> indexedEvents = new TreeMap<>();
        jdbc.query("SELECT global_index, event_id, type, aggregate_type, aggregate_id, sequence_number,"
                + " timestamp_nanos, actor, role, request_id FROM audit_event WHERE global_index <= ?", rs -> {
                    indexedEvents.put(rs.getLong(1), Arrays.asList(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6),
                            rs.getLong(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }, cut);
        Map<Long, Set<String>> indexedSubjects = new HashMap<>();
        List<Object[]> pairs = new ArrayList<>();
        jdbc.query("SELECT global_index, subject FROM audit_subject WHERE global_index <= ?", rs -> {
            pairs.add(new Object[]{rs.getLong(1), rs.getString(2)});
            indexedSubjects.computeIfAbsent(rs.getLong(1), index -> new TreeSet<>()).add(rs.getString(2));
        }, cut);

        assertThat(expectedEvents).hasSizeGreaterThan(2);
        assertThat(indexedEvents).isEqualTo(expectedEvents);
        assertThat(new TreeMap<>(indexedSubjects)).isEqualTo(expectedSubjects);
        assertThat(pairs).hasSize(expectedSubjects.values().stream().mapToInt(Set::size).sum());
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
