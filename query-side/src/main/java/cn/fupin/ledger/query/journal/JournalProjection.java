package cn.fupin.ledger.query.journal;

import cn.fupin.ledger.query.common.StorePositions;
import cn.fupin.ledger.shared.journal.Posting;
import cn.fupin.ledger.shared.journal.Postings;
import cn.fupin.ledger.shared.stored.KnownEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * The double-entry journal: every event that moves money becomes the lines {@link Postings#of} gives for it (a pure
 * function of the event and its timestamp, so a rebuild always posts the same lines). Idempotent: an event already
 * posted, known by its identifier, posts nothing again.
 */
@Component
@ProcessingGroup(JournalProjection.GROUP)
class JournalProjection {

    static final String GROUP = "journal";

    private final JournalPostingRepository postings;
    private final StorePositions positions;

    JournalProjection(JournalPostingRepository postings, StorePositions positions) {
        this.postings = postings;
        this.positions = positions;
    }

    /**
     * Every event: those that move money post their lines, the others none. An event of a type this code does not
     * know is never "one that moves no money": the journal stops at it ({@link KnownEvents#require}) and retries,
     * rather than balancing books that may miss it. The lines carry the event's own global index (read from the
     * store: the tracking token's position is the highest index seen, not a late event's).
     */
    @EventHandler
    void on(Object event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        List<Posting> lines = Postings.of(KnownEvents.require(event, eventId), recordedAt);
        if (!lines.isEmpty()) {
            post(eventId, lines, positions.globalIndexOf(eventId));
        }
    }

    void post(String eventId, List<Posting> lines, Long globalIndex) {
        if (lines.isEmpty() || postings.linesPosted(eventId) > 0) {
            return;
        }
        List<JournalPostingEntity> entities = new ArrayList<>();
        for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
            entities.add(new JournalPostingEntity(eventId, lineNo, lines.get(lineNo), globalIndex));
        }
        postings.saveAll(entities);
    }

    @ResetHandler
    void reset() {
        postings.deleteAllInBatch();
    }
}
