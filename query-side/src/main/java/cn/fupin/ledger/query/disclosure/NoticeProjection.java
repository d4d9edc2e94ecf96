package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.NoticePeriodEndedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps every published notice as the bytes that were published, its period, its correction and its objections,
 * and when each appropriation was recorded (for the lateness of allocation notices). Idempotent: every event of a
 * notice (its objections' too) is applied once by the notice's sequence number; an appropriation is stored once by
 * its id. Whether a notice is still in its period is not stored but judged by the ledger's clock when asked.
 */
@Component
@ProcessingGroup(NoticeProjection.GROUP)
class NoticeProjection {

    static final String GROUP = "notices";

    private final NoticeRepository notices;
    private final NoticeObjectionRepository objections;
    private final NoticeAppropriationRepository appropriations;

    NoticeProjection(NoticeRepository notices, NoticeObjectionRepository objections,
                     NoticeAppropriationRepository appropriations) {
        this.notices = notices;
        this.objections = objections;
        this.appropriations = appropriations;
    }

    @EventHandler
    void on(NoticePublishedEvent event, @SequenceNumber long sequence) {
        if (notices.findById(event.noticeId()).isEmpty()) {
            notices.save(new NoticeEntity(event, sequence));
        }
    }

    @EventHandler
    void on(NoticePeriodEndedEvent event, @SequenceNumber long sequence) {
        change(event.noticeId(), sequence, NoticeEntity::periodEnded);
    }

    @EventHandler
    void on(ObjectionFiledEvent event, @SequenceNumber long sequence) {
        change(event.noticeId(), sequence, notice -> objections.save(new NoticeObjectionEntity(event)));
    }

    @EventHandler
    void on(ObjectionResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant resolvedAt) {
        change(event.noticeId(), sequence, notice -> {
            NoticeObjectionEntity objection = objections.findById(event.objectionId()).orElseThrow(() ->
                    new IllegalStateException("resolution of an objection never filed: " + event.objectionId()));
            objection.resolved(event, resolvedAt);
            objections.save(objection);
        });
    }

    @EventHandler
    void on(ObjectionDismissedAsDuplicateEvent event, @SequenceNumber long sequence, @Timestamp Instant resolvedAt) {
        change(event.noticeId(), sequence, notice -> {
            NoticeObjectionEntity objection = objections.findById(event.objectionId()).orElseThrow(() ->
                    new IllegalStateException("dismissal of an objection never filed: " + event.objectionId()));
            objection.dismissedAsDuplicate(event, resolvedAt);
            objections.save(objection);
        });
    }

    @EventHandler
    void on(NoticeSupersededEvent event, @SequenceNumber long sequence) {
        change(event.noticeId(), sequence, notice -> notice.supersededBy(event.supersededBy()));
    }

    @EventHandler
    void on(FundsAppropriatedEvent event, @Timestamp Instant recordedAt) {
        if (appropriations.findById(event.appropriationId()).isEmpty()) {
            appropriations.save(new NoticeAppropriationEntity(event.appropriationId(), event.fundId(), recordedAt));
        }
    }

    private void change(String noticeId, long sequence, Consumer<NoticeEntity> change) {
        NoticeEntity notice = notices.findById(noticeId)
                .orElseThrow(() -> new IllegalStateException("event for a notice not yet projected: " + noticeId));
        if (notice.advanceTo(sequence)) {
            change.accept(notice);
            notices.save(notice);
        }
    }

    @ResetHandler
    void reset() {
        objections.deleteAllInBatch();
        notices.deleteAllInBatch();
        appropriations.deleteAllInBatch();
    }
}
