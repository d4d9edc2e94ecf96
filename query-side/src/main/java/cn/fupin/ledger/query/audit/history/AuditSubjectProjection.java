package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.query.common.StorePositions;
import cn.fupin.ledger.shared.stored.KnownEvents;
import cn.fupin.ledger.shared.stored.Subjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event history's index ({@code audit_event}, {@code audit_subject}): for every event in the store, in the store's
 * order (one sequence for the whole group), its place, type, time and who acted, and every subject it names
 * ({@link Subjects#of}) and its own stream. Idempotent: an event already indexed, known by its global index, adds
 * nothing (both tables are written in the event's one transaction). An event of a type this code does not know stops
 * the group ({@link KnownEvents#require}), as does an event whose subjects are not known: a history that silently
 * misses an event would mislead an auditor.
 *
 * <p>The rows of a batch of events are written together just before the batch commits: one query for the events'
 * places in the store, one for those indexed already, and one batched insert into each table (four round trips a
 * batch, where one event at a time took four an event: the slowest read model of a county's rebuild,
 * docs/performance.md). Outside a unit of work an event is written at once.
 */
@Component
@ProcessingGroup(AuditSubjectProjection.GROUP)
class AuditSubjectProjection {

    static final String GROUP = "audit-subjects";

    /** The resource of a batch's unit of work that holds the rows to write before it commits. */
    private static final String TO_WRITE = AuditSubjectProjection.class.getName() + ".toWrite";

    private static final String INSERT_EVENT = "INSERT INTO audit_event (global_index, event_id, type, aggregate_type,"
            + " aggregate_id, sequence_number, timestamp_nanos, actor, role, request_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SUBJECT = "INSERT INTO audit_subject (subject, global_index) VALUES (?, ?)";

    /** The longest subject indexed (the column's width); ids are far shorter, so a longer one is a bug. */
    static final int SUBJECT_LENGTH_MAX = 255;

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final StorePositions positions;

    AuditSubjectProjection(JdbcTemplate jdbc, StorePositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /** What the index keeps of one event, but its place in the store. */
    private record Indexed(String eventId, String type, String aggregateType, String aggregateId, long sequence,
                           long timestampNanos, String actor, String role, String requestId, Set<String> subjects) {
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        Object payload = KnownEvents.require(event, message.getIdentifier());
        String aggregateType = null;
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Set<String> subjects = new LinkedHashSet<>(Subjects.of(payload));
        subjects.add(aggregateId);
        for (String subject : subjects) {
            if (subject.length() > SUBJECT_LENGTH_MAX) {
                throw new IllegalStateException("event " + message.getIdentifier() + " names a subject longer than "
                        + SUBJECT_LENGTH_MAX + " characters");
            }
        }
        Indexed indexed = new Indexed(message.getIdentifier(), payload.getClass().getSimpleName(), aggregateType,
                aggregateId, sequence, nanos(message.getTimestamp()), text(message, "actor"), text(message, "role"),
                text(message, "requestId"), subjects);
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.of(indexed));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.<List<Indexed>>getOrComputeResource(TO_WRITE, key -> {
            List<Indexed> toWrite = new ArrayList<>();
            unitOfWork.onPrepareCommit(done -> write(toWrite));
            return toWrite;
        }).add(indexed);
    }

    /**
     * Writes the events not indexed yet, each at its own index in the store (never the token's position: after a late
     * event that filled a gap, that is the highest index seen, and the late event would be taken for one indexed).
     */
    private void write(List<Indexed> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Long> places = positions.globalIndexesOf(events.stream().map(Indexed::eventId).toList());
        Set<Long> indexed = new HashSet<>();
        List<Long> wanted = List.copyOf(new LinkedHashSet<>(places.values()));
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
            indexed.addAll(jdbc.queryForList("SELECT global_index FROM audit_event WHERE global_index IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")", Long.class, chunk.toArray()));
        }
        List<Object[]> eventRows = new ArrayList<>();
        List<Object[]> subjectRows = new ArrayList<>();
        for (Indexed event : events) {
            long globalIndex = places.get(event.eventId());
            if (!indexed.add(globalIndex)) {
                continue;
            }
            eventRows.add(new Object[]{globalIndex, event.eventId(), event.type(), event.aggregateType(),
                    event.aggregateId(), event.sequence(), event.timestampNanos(), event.actor(), event.role(),
                    event.requestId()});
            for (String subject : event.subjects()) {
                subjectRows.add(new Object[]{subject, globalIndex});
            }
        }
        jdbc.batchUpdate(INSERT_EVENT, eventRows);
        jdbc.batchUpdate(INSERT_SUBJECT, subjectRows);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_subject");
        jdbc.update("DELETE FROM audit_event");
    }

    /** Ledger time as the index holds it: nanoseconds since the epoch, exact (the queries compare the same). */
    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static String text(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
