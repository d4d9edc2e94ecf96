package cn.fupin.ledger.query.audit.skippedwork;

import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the list of skipped notices (processing group {@value #GROUP}, sequential: a notice's publication and its retry
 * are in different streams and change the same row). Idempotent: a skip or retry is applied once by its sequence in
 * the notice's skip stream, and a publication only marks the row published.
 */
@Component
@ProcessingGroup(SkippedWorkProjection.GROUP)
class SkippedWorkProjection {

    static final String GROUP = "skipped-work";

    private final SkippedWorkRepository skipped;

    SkippedWorkProjection(SkippedWorkRepository skipped) {
        this.skipped = skipped;
    }

    @EventHandler
    void on(NoticePublicationSkippedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        SkippedWorkEntity row = skipped.findById(event.noticeId()).orElseGet(() -> new SkippedWorkEntity(event.noticeId()));
        if (row.isNew(sequence)) {
            row.skipped(sequence, event.kind().name(), event.causeEventId(), event.causeType(), event.causeAggregateId(),
                    event.causeSequence(), event.code(), event.detail(), event.problems(), at);
            skipped.save(row);
        }
    }

    @EventHandler
    void on(NoticePublicationRetriedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        skipped.findById(event.noticeId()).filter(row -> row.isNew(sequence)).ifPresent(row -> {
            row.retried(sequence, event.published(), event.code(), event.actor(), at);
            skipped.save(row);
        });
    }

    @EventHandler
    void on(NoticePublishedEvent event) {
        skipped.findById(event.noticeId()).ifPresent(row -> {
            row.published();
            skipped.save(row);
        });
    }

    @ResetHandler
    void reset() {
        skipped.deleteAllInBatch();
    }
}
