package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the notices the events make due, automatically: a fund allocation notice per appropriation, a round
 * result per closed competitive round, a completion notice per accepted project ({@link AutomaticNotices} decides
 * each). Project plans and grant lists are not published automatically yet (see {@link AutomaticNotices}).
 *
 * <p>Idempotent: each notice has an id derived from its event, and a publication refused as {@code NOTICE_EXISTS}
 * (a redelivered event, a replay) is done. Failures propagate and the processor retries, except a refusal by the
 * ledger's rules: that one would be refused again on every retry and hold up every later notice, so it is logged as an
 * error (the notice can still be published by hand, {@code POST /api/notices}) and the event is passed.
 */
@ProcessingGroup(AutomaticPublisher.GROUP)
public class AutomaticPublisher {

    public static final String GROUP = "disclosure-publisher";

    private static final Logger log = LoggerFactory.getLogger(AutomaticPublisher.class);

    private final AutomaticNotices notices;
    private final EventStore eventStore;
    private final NoticeSender sender;

    public AutomaticPublisher(AutomaticNotices notices, EventStore eventStore, NoticeSender sender) {
        this.notices = notices;
        this.eventStore = eventStore;
        this.sender = sender;
    }

    @EventHandler
    public void on(FundsAppropriatedEvent event) {
        publish(notices.fundAllocation(event));
    }

    @EventHandler
    public void on(CompetitionClosedEvent event) {
        CompetitionOpenedEvent opened = history(event.competitionId(), Long.MAX_VALUE).stream()
                .filter(CompetitionOpenedEvent.class::isInstance).map(CompetitionOpenedEvent.class::cast)
                .findFirst().orElse(null);
        publish(notices.roundResult(event, opened));
    }

    @EventHandler
    public void on(ProjectAcceptedEvent event, @SequenceNumber Long sequence) {
        // The project's history up to its acceptance, so that a redelivery decides on the same facts.
        List<Object> history = history(event.projectId(), sequence == null ? Long.MAX_VALUE : sequence);
        notices.completion(event, history).ifPresentOrElse(this::publish,
                () -> log.error("no completion notice for project {}: its history names no village of the county",
                        event.projectId()));
    }

    private List<Object> history(String aggregateId, long upToSequence) {
        return eventStore.readEvents(aggregateId).asStream()
                .filter(message -> message.getSequenceNumber() <= upToSequence)
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    private void publish(PublishNoticeCommand command) {
        try {
            sender.send(command);
            log.info("published notice {} ({})", command.noticeId(), command.content().kind());
        } catch (RuntimeException e) {
            Refusal refusal = refusal(e);
            if (refusal == null) {
                throw e;
            }
            if ("NOTICE_EXISTS".equals(refusal.code())) {
                log.debug("notice {} was published already", command.noticeId());
                return;
            }
            log.error("automatic notice {} ({}) was refused: {} {} {}", command.noticeId(), command.content().kind(),
                    refusal.code(), refusal.getMessage(), refusal.problems());
        }
    }

    private static Refusal refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
