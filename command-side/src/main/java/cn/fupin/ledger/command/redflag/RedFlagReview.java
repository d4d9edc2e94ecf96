package cn.fupin.ledger.command.redflag;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.redflag.RedFlagReviewedEvent;
import cn.fupin.ledger.shared.redflag.ReviewRedFlagCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reviews of one red-flag finding, in a stream of their own ({@code RFR-<finding id>}). Why an aggregate rather
 * than an event published outside one: a review is an auditor's act like any other, so it goes through the command
 * bus and gets the same audit metadata (actor, role, request id, reason), idempotency and conflict handling as every
 * other act; and the finding's stream orders its reviews with a sequence, so "the latest review" is the stream's
 * last event on every node. Whether the finding exists is a question about the whole history, which the read side
 * answers before it sends the command; the aggregate decides only what it can decide alone: a review has a reason.
 */
@Aggregate
public class RedFlagReview {

    @AggregateIdentifier
    private String streamId;

    protected RedFlagReview() {
        // Axon rebuilds the reviews from their events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReviewRedFlagCommand command) {
        if (Text.isBlank(command.reason())) {
            throw Refusal.invalidField("REASON_REQUIRED", "reason", "a review states its reason");
        }
        String reason = command.reason().strip();
        if (reason.length() > ReviewRedFlagCommand.REASON_LENGTH_MAX || Text.hasControlCharacters(reason)) {
            throw Refusal.invalidField("REASON_INVALID", "reason", "the reason is too long or holds control characters");
        }
        apply(new RedFlagReviewedEvent(command.findingId(), command.rule(), command.subject(), reason,
                command.reviewer().username()));
    }

    @EventSourcingHandler
    void on(RedFlagReviewedEvent event) {
        streamId = ReviewRedFlagCommand.STREAM_PREFIX + event.findingId();
    }
}
