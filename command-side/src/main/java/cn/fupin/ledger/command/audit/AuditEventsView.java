package cn.fupin.ledger.command.audit;

import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.audit.RecordAuditEventsViewCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One auditor's view of the event history, in a stream of its own ({@code AEV-<view id>}). An aggregate, as with the
 * reviews of red flags ({@code RedFlagReview}), so that the record of the view goes through the command bus and gets
 * the audit metadata (actor, role, request id, address) every act gets; one stream per view, so that recording a view
 * never loads or contends with another. There is nothing to decide: the read side answered the view and records it.
 */
@Aggregate
public class AuditEventsView {

    @AggregateIdentifier
    private String streamId;

    protected AuditEventsView() {
        // Axon rebuilds the view from its event.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordAuditEventsViewCommand command) {
        apply(command.view());
    }

    @EventSourcingHandler
    void on(AuditEventsViewedEvent event) {
        streamId = RecordAuditEventsViewCommand.STREAM_PREFIX + event.viewId();
    }
}
