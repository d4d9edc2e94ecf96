package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.disclosure.AutomaticNoticeSeries;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.disclosure.RecordNoticeSkipCommand;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the notices the events make due, automatically ({@link AutomaticNotices} decides each): a fund allocation
 * notice per appropriation, a round result per closed competitive round, a project plan per approved project (with its
 * lines on the county's and its township's lists of approved projects), the village grant lists of each grant batch or
 * single household grant, a completion notice per accepted project, and a correction per upheld objection. What a notice needs beyond its event (a project's proposal, the households' names,
 * a notice's chain of corrections) is read from the event store, so a redelivery decides on the same facts.
 *
 * <p>Idempotent: each notice has an id derived from its event, and a publication refused as {@code NOTICE_EXISTS}
 * (a redelivered event, a replay) is done. Failures propagate and the processor retries, except a refusal by the
 * ledger's rules, or facts missing that the notice needs: that one would be refused again on every retry and hold up
 * every later notice, so it is logged as an error, recorded as skipped work ({@link SkipRecorder}: a
 * {@code NoticePublicationSkippedEvent} naming the event being handled as its cause, which an officer sees and retries,
 * {@link PublicationRetry}) and the event is passed.
 */
@ProcessingGroup(AutomaticPublisher.GROUP)
public class AutomaticPublisher {

    public static final String GROUP = "disclosure-publisher";

    /** A notice corrected more often than this is left to be corrected by hand. */
    private static final int CHAIN_MAX = 100;

    private static final Logger log = LoggerFactory.getLogger(AutomaticPublisher.class);

    /** The unit of work's resource that collects the skips recorded while it handles its events. */
    static final String SKIPS = AutomaticPublisher.class.getName() + ".skips";

    private final AutomaticNotices notices;
    private final EventStore eventStore;
    private final NoticeSender sender;
    private final SkipRecorder skips;
    private final EventHistories histories;

    /** A publisher that reads a grant batch's streams one by one ({@link EventHistories#readingEach}). */
    public AutomaticPublisher(AutomaticNotices notices, EventStore eventStore, NoticeSender sender,
                              SkipRecorder skips) {
        this(notices, eventStore, sender, skips, EventHistories.readingEach(eventStore));
    }

    /** A publisher that reads a grant batch's streams through {@code histories} (the ledger's: in a few queries). */
    public AutomaticPublisher(AutomaticNotices notices, EventStore eventStore, NoticeSender sender,
                              SkipRecorder skips, EventHistories histories) {
        this.notices = notices;
        this.eventStore = eventStore;
        this.sender = sender;
        this.skips = skips;
        this.histories = histories;
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
        notices.completion(event, history).ifPresentOrElse(this::publish, () -> {
            log.error("no completion notice for project {}: its history names no village of the county",
                    event.projectId());
            skip(NoticeText.noticeId(AutomaticNoticeSeries.COMPLETION, event.projectId()).value(),
                    NoticeKind.COMPLETION, "PLACE_UNKNOWN", "the project's history names no village of the county",
                    List.of());
        });
    }

    @EventHandler
    public void on(ProjectApprovedEvent event, @SequenceNumber Long sequence) {
        ProjectProposedEvent proposal = first(history(event.projectId(),
                sequence == null ? Long.MAX_VALUE : sequence), ProjectProposedEvent.class);
        Optional<PublishNoticeCommand> plan = proposal == null ? Optional.empty()
                : notices.projectPlan(event, proposal);
        if (plan.isPresent()) {
            // The lists first: once the plan is public, so are they, with the same period (nothing is held longer).
            notices.projectLists(event, proposal).forEach(this::publish);
        }
        plan.ifPresentOrElse(this::publish, () -> {
            log.error("no plan notice for project {}: its history names no place of the county", event.projectId());
            skip(AutomaticNotices.planId(event.projectId()).value(), NoticeKind.PROJECT_PLAN,
                    proposal == null ? "PROPOSAL_NOT_RECORDED" : "PLACE_UNKNOWN",
                    "the project's history names no place of the county", List.of());
        });
    }

    /**
     * The grant lists of a batch: every grant's request and every household's registration read together (a batch of
     * 1,000 grants would otherwise read 2,001 streams one by one).
     */
    @EventHandler
    public void on(GrantBatchSubmittedEvent event) {
        List<DisbursementRequestedEvent> grants = new ArrayList<>();
        histories.of(event.disbursementIds()).values().forEach(history -> {
            DisbursementRequestedEvent requested = first(history, DisbursementRequestedEvent.class);
            if (requested != null) {
                grants.add(requested);
            }
        });
        notices.grantLists(event.batchId(), grants, headNames(grants), proposal(event.projectId()))
                .forEach(this::publish);
    }

    /** A household's grant requested on its own (not in a batch) is listed on its own. */
    @EventHandler
    public void on(DisbursementRequestedEvent event) {
        if (event.payeeKind() == PayeeKind.HOUSEHOLD && event.batchId() == null) {
            notices.grantLists(event.disbursementId(), List.of(event), headNames(List.of(event)),
                    proposal(event.projectId())).forEach(this::publish);
        }
    }

    /** An upheld objection withdrew an item: the notice (or the correction that replaced it) is corrected. */
    @EventHandler
    public void on(ObjectionResolvedEvent event) {
        if (!event.correctionDue()) {
            return;
        }
        String correctionId = AutomaticNotices.correctionId(event.objectionId()).value();
        List<NoticePublishedEvent> chain = new ArrayList<>();
        Set<String> withdrawn = new HashSet<>();
        for (String noticeId = event.noticeId(); noticeId != null; ) {
            if (noticeId.equals(correctionId) || chain.size() > CHAIN_MAX) {
                return; // corrected already: a redelivery, or a replay
            }
            List<Object> history = history(noticeId, Long.MAX_VALUE);
            NoticePublishedEvent published = first(history, NoticePublishedEvent.class);
            if (published == null) {
                log.error("no correction for objection {}: notice {} is not recorded", event.objectionId(), noticeId);
                skip(correctionId, NoticeKind.CORRECTION, "NOTICE_NOT_RECORDED",
                        "the notice to correct is not recorded", List.of());
                return;
            }
            chain.add(published);
            String next = null;
            for (Object fact : history) {
                if (fact instanceof ObjectionResolvedEvent resolved && resolved.outcome() == ObjectionResolution.UPHELD) {
                    withdrawn.add(resolved.item());
                } else if (fact instanceof NoticeSupersededEvent superseded) {
                    next = superseded.supersededBy();
                }
            }
            noticeId = next;
        }
        publish(notices.correction(event, chain, withdrawn));
    }

    /**
     * The project's proposal. It is the project's first event, and the stream is read lazily: only its first fetch is
     * read, not a grant project's thousands of payments.
     */
    private ProjectProposedEvent proposal(String projectId) {
        return eventStore.readEvents(projectId, 0).asStream().map(DomainEventMessage::getPayload)
                .filter(ProjectProposedEvent.class::isInstance).map(ProjectProposedEvent.class::cast)
                .findFirst().orElse(null);
    }

    /** The households' heads' names by card number, as last registered. */
    private Map<String, String> headNames(List<DisbursementRequestedEvent> grants) {
        Map<String, String> streamsByCard = new LinkedHashMap<>();
        for (DisbursementRequestedEvent grant : grants) {
            if (grant.cardNo() != null) {
                streamsByCard.putIfAbsent(grant.cardNo(), HouseholdCardNo.streamIdOf(grant.cardNo()));
            }
        }
        Map<String, List<Object>> households = histories.of(streamsByCard.values());
        Map<String, String> names = new HashMap<>();
        streamsByCard.forEach((cardNo, streamId) -> households.getOrDefault(streamId, List.of()).stream()
                .filter(HouseholdRegisteredEvent.class::isInstance).map(HouseholdRegisteredEvent.class::cast)
                .reduce((earlier, later) -> later)
                .ifPresent(registered -> names.put(cardNo, registered.headName())));
        return names;
    }

    private static <T> T first(List<Object> history, Class<T> type) {
        return history.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /**
     * The aggregate's events from its first up to {@code upToSequence}: never from a snapshot (a project snapshotted
     * after its 100th event would otherwise have no proposal in its history), and no further than asked.
     */
    private List<Object> history(String aggregateId, long upToSequence) {
        return eventStore.readEvents(aggregateId, 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() <= upToSequence)
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
            List<String> problems = refusal.problems().stream()
                    .map(problem -> problem.field() + " " + problem.code()).toList();
            log.error("automatic notice {} ({}) was refused: {} {} {}", command.noticeId(), command.content().kind(),
                    refusal.code(), refusal.getMessage(), problems);
            skip(command.noticeId().value(), command.content().kind(), refusal.code(), refusal.getMessage(), problems);
        }
    }

    /**
     * Records the notice as skipped, with the event being handled as its cause (the stream and sequence a retry loads
     * it again by). Outside a unit of work (a handler called directly) the cause is unknown and recorded as such.
     */
    private void skip(String noticeId, NoticeKind kind, String code, String detail, List<String> problems) {
        Message<?> cause = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage() : null;
        RecordNoticeSkipCommand command;
        if (cause instanceof DomainEventMessage<?> domain) {
            command = new RecordNoticeSkipCommand(noticeId, kind, domain.getIdentifier(),
                    domain.getPayloadType().getSimpleName(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), code, detail, problems);
        } else {
            command = new RecordNoticeSkipCommand(noticeId, kind, cause == null ? null : cause.getIdentifier(),
                    cause == null ? null : cause.getPayloadType().getSimpleName(), null, -1, code, detail, problems);
        }
        skips.record(command);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().<List<RecordNoticeSkipCommand>>getOrComputeResource(SKIPS, key -> new ArrayList<>())
                    .add(command);
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
