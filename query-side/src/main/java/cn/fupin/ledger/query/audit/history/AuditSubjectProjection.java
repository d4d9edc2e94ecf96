package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.query.common.StorePositions;
import cn.fupin.ledger.shared.stored.KnownEvents;
import cn.fupin.ledger.shared.stored.Subjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event history's index ({@code audit_event}, {@code audit_subject}): for every event in the store, in the store's
 * order (one sequence for the whole group), its place, type, time and who acted, and every subject it names
 * ({@link Subjects#of}) and its own stream. Idempotent: an event already indexed, known by its global index, adds
 * nothing (both tables are written in the event's one transaction). An event of a type this code does not know stops
 * the group ({@link KnownEvents#require}), as does an event whose subjects are not known: a history that silently
 * misses an event would mislead an auditor.
 */
@Component
@ProcessingGroup(AuditSubjectProjection.GROUP)
class AuditSubjectProjection {

    static final String GROUP = "audit-subjects";

    private static final String INDEXED = "SELECT COUNT(*) FROM audit_event WHERE global_index = ?";
    private static final String INSERT_EVENT = "INSERT INTO audit_event (global_index, event_id, type, aggregate_type,"
            + " aggregate_id, sequence_number, timestamp_nanos, actor, role, request_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SUBJECT = "INSERT INTO audit_subject (subject, global_index) VALUES (?, ?)";

    /** The longest subject indexed (the column's width); ids are far shorter, so a longer one is a bug. */
    static final int SUBJECT_LENGTH_MAX = 255;

    private final JdbcTemplate jdbc;
    private final StorePositions positions;

    AuditSubjectProjection(JdbcTemplate jdbc, StorePositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        Object payload = KnownEvents.require(event, message.getIdentifier());
        // The event's own index, never the token's position (the highest index seen: after a late event that filled
        // a gap, an index already indexed, and the late event would be skipped as a duplicate).
        long globalIndex = positions.globalIndexOf(message.getIdentifier());
        if (jdbc.queryForObject(INDEXED, Integer.class, globalIndex) > 0) {
            return;
        }
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
        jdbc.update(INSERT_EVENT, globalIndex, message.getIdentifier(), payload.getClass().getSimpleName(),
                aggregateType, aggregateId, sequence, nanos(message.getTimestamp()), text(message, "actor"), text(message, "role"),
                text(message, "requestId"));
        List<Object[]> rows = new ArrayList<>();
        for (String subject : subjects) {
            if (subject.length() > SUBJECT_LENGTH_MAX) {
                throw new IllegalStateException("event " + message.getIdentifier() + " names a subject longer than "
                        + SUBJECT_LENGTH_MAX + " characters");
            }
            rows.add(new Object[]{subject, globalIndex});
        }
        jdbc.batchUpdate(INSERT_SUBJECT, rows);
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
