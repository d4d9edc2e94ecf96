package cn.fupin.ledger.shared.audit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that an auditor was shown the event history ({@link AuditEventsViewedEvent}). Sent by the read side, which
 * answered the view, through the command bus so that the fact gets the same audit metadata (actor, role, request id,
 * address) as every other act; each view in a stream of its own ({@link #streamId()}).
 */
public record RecordAuditEventsViewCommand(AuditEventsViewedEvent view) {

    /** Prefix of a view's stream: {@code AEV-} and the view's id. */
    public static final String STREAM_PREFIX = "AEV-";

    public RecordAuditEventsViewCommand {
        if (view == null || view.viewId() == null || view.viewId().isBlank()) {
            throw new IllegalArgumentException("a view has an id");
        }
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return STREAM_PREFIX + view.viewId();
    }
}
