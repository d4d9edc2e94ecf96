package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.query.common.StorePositions;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event history's index, on the migration that creates it (ops' V15.1, run on H2 in MySQL mode): what one event
 * puts there, and that a redelivered or replayed event puts nothing twice.
 */
class AuditSubjectProjectionTest {

    static final Path MIGRATION = Path.of("../ops/src/main/resources/db/migration/V15_1__audit_event_index.sql");
    static final Instant AT = Instant.parse("2091-03-01T02:30:00.123456Z");

    JdbcTemplate jdbc;
    AuditSubjectProjection projection;
    /** Where each event stands in the store, as the store would answer. */
    final Map<String, Long> positions = new HashMap<>();
    /** The events whose places the projection asked for, one list per question. */
    final List<List<String>> asked = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:audit-subjects-" + System.nanoTime() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        for (String statement : Files.readString(MIGRATION).replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        projection = new AuditSubjectProjection(jdbc, new StorePositions(jdbc) {
            @Override
            public Map<String, Long> globalIndexesOf(Collection<String> eventIds) {
                asked.add(List.copyOf(eventIds));
                Map<String, Long> places = new HashMap<>();
                eventIds.forEach(id -> places.put(id, positions.get(id)));
                return places;
            }
        });
    }

    private static EventMessage<?> claim(String eventId) {
        return new GenericDomainEventMessage<>("Household", "HH-T-8190", 3,
                new HouseholdStartupGrantClaimedEvent("T-8190", "DSB-2091-0001", "PRJ-2091-0001", 300_000L),
                Map.of("actor", "clerk", "role", "CLERK", "requestId", "req-8190"), eventId, AT);
    }

    /** Handles the event as stored at {@code globalIndex}. */
    private void on(EventMessage<?> message, long globalIndex) {
        positions.put(message.getIdentifier(), globalIndex);
        projection.on(message.getPayload(), message);
    }

    @Test
    void anEventIsIndexedUnderEverySubjectItNamesAndItsOwnStreamWithWhoDidItAndWhen() {
        EventMessage<?> message = claim("event-8190");
        on(message, 42);

        assertThat(jdbc.queryForList("SELECT subject FROM audit_subject WHERE global_index = 42", String.class))
                .containsExactlyInAnyOrder("T-8190", "DSB-2091-0001", "PRJ-2091-0001", "HH-T-8190");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_event WHERE global_index = 42");
        assertThat(row).containsEntry("event_id", "event-8190").containsEntry("type",
                        "HouseholdStartupGrantClaimedEvent").containsEntry("aggregate_type", "Household")
                .containsEntry("aggregate_id", "HH-T-8190").containsEntry("sequence_number", 3L)
                .containsEntry("actor", "clerk").containsEntry("role", "CLERK").containsEntry("request_id", "req-8190");
        assertThat(jdbc.queryForObject("SELECT timestamp_nanos FROM audit_event WHERE global_index = 42", Long.class))
                .isEqualTo(AT.getEpochSecond() * 1_000_000_000L + 123_456_000L);
    }

    @Test
    void aRedeliveredOrReplayedEventIndexesNothingTwice() {
        EventMessage<?> message = claim("event-8191");
        on(message, 43);
        on(message, 43);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_subject", Integer.class)).isEqualTo(4);
    }

    @Test
    void anEventOutsideAnAggregateIsIndexedUnderItsOwnIdentifier() {
        EventMessage<?> message = new GenericEventMessage<>(new HouseholdExitedEvent("T-8192", 2091, "脱贫"),
                Map.of());
        on(message, 44);

        assertThat(jdbc.queryForList("SELECT subject FROM audit_subject", String.class))
                .containsExactlyInAnyOrder("T-8192", message.getIdentifier());
        assertThat(jdbc.queryForObject("SELECT aggregate_type FROM audit_event", String.class)).isNull();
    }

    @Test
    void anEventWhoseSubjectsAreUnknownStopsTheProjection() {
        EventMessage<?> message = new GenericEventMessage<>("not an event of the ledger", Map.of());

        assertThatThrownBy(() -> on(message, 45))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResetEmptiesTheIndex() {
        EventMessage<?> message = claim("event-8193");
        on(message, 46);
        projection.reset();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT subject FROM audit_subject", String.class)).isEmpty();
    }

    @Test
    void aBatchsEventsAreWrittenTogetherWhenItCommitsAndAnEventTwiceInABatchOnce() {
        EventMessage<?> first = claim("event-8194");
        EventMessage<?> second = claim("event-8195");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(first);
        on(first, 47);
        on(second, 48);
        on(first, 47);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class)).isZero();
        batch.commit();

        assertThat(asked).containsExactly(List.of("event-8194", "event-8195", "event-8194"));
        assertThat(jdbc.queryForList("SELECT global_index FROM audit_event ORDER BY global_index", Long.class))
                .containsExactly(47L, 48L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_subject", Integer.class)).isEqualTo(8);
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        EventMessage<?> message = claim("event-8196");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(message);
        on(message, 49);
        batch.rollback();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Integer.class)).isZero();
        assertThat(asked).isEmpty();
    }
}
