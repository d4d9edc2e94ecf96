package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.disclosure.RecordNoticeSkipCommand;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * An officer's retry of a notice the publisher skipped: the event that made it due (the cause its last skip names) is
 * loaded from the event store by its stream and sequence, and the {@link AutomaticPublisher} handles it again exactly as
 * its processor would (in a unit of work of that event, in one transaction), so whatever the handler publishes or skips
 * again is what the processor would have done. A retry refused again records no second skip (the skip stream knows the
 * cause); the caller records the retry itself, as the officer's act.
 */
public final class PublicationRetry {

    /** What a retry came to: the notice exists now ({@code published}), or the code of the refusal met again. */
    public record Outcome(String noticeId, boolean published, String code, String detail, List<String> problems) {
    }

    private final AutomaticPublisher publisher;
    private final EventStore eventStore;
    private final TransactionManager transactions;

    public PublicationRetry(AutomaticPublisher publisher, EventStore eventStore, TransactionManager transactions) {
        this.publisher = publisher;
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /**
     * Handles the cause of the skipped notice again.
     *
     * @throws Refusal {@code SKIPPED_WORK_NOT_FOUND} (404) when the publisher skipped no notice with this id, or its cause
     *     cannot be loaded; {@code ALREADY_PUBLISHED} (409) when the notice exists already
     */
    public Outcome retry(String noticeId) {
        NoticePublicationSkippedEvent skipped = lastSkip(noticeId).orElseThrow(PublicationRetry::notFound);
        if (exists(noticeId)) {
            throw Refusal.conflict("ALREADY_PUBLISHED", "the notice is published already");
        }
        DomainEventMessage<?> cause = cause(skipped).orElseThrow(PublicationRetry::notFound);
        List<RecordNoticeSkipCommand> skippedAgain = handleAgain(cause);
        Optional<RecordNoticeSkipCommand> refused = skippedAgain.stream()
                .filter(skip -> skip.noticeId().equals(noticeId)).reduce((first, last) -> last);
        if (refused.isPresent()) {
            return new Outcome(noticeId, false, refused.get().code(), refused.get().detail(), refused.get().problems());
        }
        if (exists(noticeId)) {
            return new Outcome(noticeId, true, null, null, List.of());
        }
        return new Outcome(noticeId, false, "NOTICE_NOT_DUE", "handled again, the event makes this notice due no more",
                List.of());
    }

    private List<RecordNoticeSkipCommand> handleAgain(DomainEventMessage<?> cause) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(publisher);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(cause);
        unitOfWork.attachTransaction(transactions);
        try {
            handlers.handle(cause);
            List<RecordNoticeSkipCommand> skips = List.copyOf(
                    unitOfWork.getOrDefaultResource(AutomaticPublisher.SKIPS, List.<RecordNoticeSkipCommand>of()));
            unitOfWork.commit();
            return skips;
        } catch (Exception e) {
            if (unitOfWork.isActive() && !unitOfWork.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
                unitOfWork.rollback(e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the publisher failed handling " + cause.getIdentifier() + " again", e);
        }
    }

    private Optional<NoticePublicationSkippedEvent> lastSkip(String noticeId) {
        if (noticeId == null || noticeId.isBlank()) {
            return Optional.empty();
        }
        return eventStore.readEvents(RecordNoticeSkipCommand.STREAM_PREFIX + noticeId, 0).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(NoticePublicationSkippedEvent.class::isInstance).map(NoticePublicationSkippedEvent.class::cast)
                .reduce((first, last) -> last);
    }

    private Optional<DomainEventMessage<?>> cause(NoticePublicationSkippedEvent skipped) {
        if (skipped.causeAggregateId() == null || skipped.causeSequence() < 0) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(skipped.causeAggregateId(), skipped.causeSequence());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() == skipped.causeSequence()) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private boolean exists(String noticeId) {
        return eventStore.readEvents(noticeId, 0).hasNext();
    }

    private static Refusal notFound() {
        return Refusal.notFound("SKIPPED_WORK_NOT_FOUND", "the publisher skipped no notice with this id");
    }
}
