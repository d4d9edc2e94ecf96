package cn.fupin.ledger.command.skippedwork;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.disclosure.RecordNoticeRetryCommand;
import cn.fupin.ledger.shared.disclosure.RecordNoticeSkipCommand;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The skips and retries of one notice the automatic publisher could not publish, in a stream of their own
 * ({@code SKP-<notice id>}). An aggregate, so that a skip is recorded once whatever the number of deliveries: the
 * publisher handles events at least once (a redelivery, a replay, an officer's retry refused again all skip the same
 * notice for the same cause again), and the stream knows the causes it has recorded. A retry is an officer's act and
 * goes through the command bus like every other, with its audit metadata.
 */
@Aggregate
public class SkippedNotice {

    @AggregateIdentifier
    private String streamId;

    private final Set<String> causes = new HashSet<>();
    private boolean published;

    protected SkippedNotice() {
        // Axon rebuilds the skips from their events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordNoticeSkipCommand command) {
        if (causes.contains(command.causeEventId())) {
            return; // the same cause skipped again: recorded already
        }
        apply(new NoticePublicationSkippedEvent(command.noticeId(), command.kind(), command.causeEventId(),
                command.causeType(), command.causeAggregateId(), command.causeSequence(), command.code(),
                command.detail(), command.problems()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordNoticeRetryCommand command) {
        if (streamId == null) {
            throw Refusal.notFound("SKIPPED_WORK_NOT_FOUND", "the publisher skipped no notice with this id");
        }
        if (published) {
            throw Refusal.conflict("ALREADY_PUBLISHED", "the notice was published after a retry already");
        }
        apply(new NoticePublicationRetriedEvent(command.noticeId(), command.published(),
                command.published() ? null : command.code(), command.actor().username(), command.actor().role(),
                command.requestId()));
    }

    @EventSourcingHandler
    void on(NoticePublicationSkippedEvent event) {
        streamId = RecordNoticeSkipCommand.STREAM_PREFIX + event.noticeId();
        causes.add(event.causeEventId());
    }

    @EventSourcingHandler
    void on(NoticePublicationRetriedEvent event) {
        published = published || event.published();
    }
}
