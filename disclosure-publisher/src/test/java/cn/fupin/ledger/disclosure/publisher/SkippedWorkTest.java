package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.disclosure.RecordNoticeSkipCommand;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.disclosure.publisher.AutomaticNoticesTest.NOTICES;
import static cn.fupin.ledger.disclosure.publisher.NoticesBeforePaymentTest.villageProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Skipped work without Spring: a project plan the ledger refuses is recorded as skipped with the event being handled
 * as its cause (and the project's lists still published); a retry handles that event again, and tells whether the
 * notice was published this time or refused again. The event store is a map of streams; the command side is played
 * by the sender (which records a publication in the notice's stream) and by the recorder (which keeps a cause once,
 * as the {@code SkippedNotice} aggregate does).
 */
class SkippedWorkTest {

    static final String PROJECT = "PRJ-2016-07";
    static final String PLAN = "NTC-PP-" + PROJECT;
    static final long APPROVED_AT = 3;
    static final ProjectApprovedEvent APPROVED = new ProjectApprovedEvent(PROJECT, "苍发改〔2016〕21号", List.of(),
            "approver");
    static final Refusal REFUSED = Refusal.invalid("NOTICE_INVALID", "the notice was not published: 1 problem(s)",
            List.of(FieldProblem.of("title", "PERSONAL_NUMBER_IN_NOTICE", "an ID number or a bank card number may "
                    + "never appear on a public notice")));

    final Map<String, List<Object>> streams = new HashMap<>();
    final EventStore eventStore = mock(EventStore.class);
    final List<RecordNoticeSkipCommand> recorded = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    /** Whether the command side refuses the plan (as it does while the project's name holds a card number). */
    boolean refusePlan = true;
    AutomaticPublisher publisher;

    @BeforeEach
    void ledger() {
        streams.put(PROJECT, List.of(villageProject(), "started", "other", APPROVED));
        when(eventStore.readEvents(anyString(), anyLong())).thenAnswer(call -> stream(call.getArgument(0),
                call.getArgument(1)));
        NoticeSender sender = command -> {
            if (refusePlan && command.noticeId().value().equals(PLAN)) {
                throw REFUSED;
            }
            if (streams.containsKey(command.noticeId().value())) {
                throw Refusal.conflict("NOTICE_EXISTS", "a notice with this id was published already");
            }
            streams.put(command.noticeId().value(), List.of("published"));
            published.add(command.noticeId().value());
        };
        SkipRecorder skips = command -> {
            List<Object> stream = new ArrayList<>(streams.getOrDefault(command.streamId(), List.of()));
            if (stream.stream().noneMatch(event -> ((NoticePublicationSkippedEvent) event).causeEventId()
                    .equals(command.causeEventId()))) {
                stream.add(new NoticePublicationSkippedEvent(command.noticeId(), command.kind(), command.causeEventId(),
                        command.causeType(), command.causeAggregateId(), command.causeSequence(), command.code(),
                        command.detail(), command.problems()));
            }
            streams.put(command.streamId(), stream);
            recorded.add(command);
        };
        publisher = new AutomaticPublisher(NOTICES, eventStore, sender, skips);
    }

    private DomainEventStream stream(String id, long from) {
        List<Object> facts = streams.getOrDefault(id, List.of());
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = (int) from; i < facts.size(); i++) {
            // stored events keep their identifiers: the same event read twice is the same message
            messages.add(new GenericDomainEventMessage<>("Aggregate", id, i, facts.get(i), MetaData.emptyInstance(),
                    id + "#" + i, Instant.EPOCH));
        }
        return DomainEventStream.of(messages.toArray(DomainEventMessage[]::new));
    }

    /** The processor's delivery of the approval: the handler in a unit of work of the stored event. */
    private DomainEventMessage<?> deliverApproval() throws Exception {
        DomainEventMessage<?> message = stream(PROJECT, APPROVED_AT).next();
        DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> {
            new AnnotationEventHandlerAdapter(publisher).handle(message);
            return null;
        });
        return message;
    }

    private List<Object> skips() {
        return streams.getOrDefault("SKP-" + PLAN, List.of());
    }

    @Test
    void aRefusedPlanIsRecordedAsSkippedWithItsCauseAndTheListsArePublished() throws Exception {
        DomainEventMessage<?> approval = deliverApproval();

        assertThat(published).containsExactly("NTC-PC-" + PROJECT, "NTC-PT-" + PROJECT);
        assertThat(recorded).singleElement().satisfies(skip -> {
            assertThat(skip.noticeId()).isEqualTo(PLAN);
            assertThat(skip.streamId()).isEqualTo("SKP-" + PLAN);
            assertThat(skip.kind()).isEqualTo(NoticeKind.PROJECT_PLAN);
            assertThat(skip.causeEventId()).isEqualTo(approval.getIdentifier());
            assertThat(skip.causeType()).isEqualTo("ProjectApprovedEvent");
            assertThat(skip.causeAggregateId()).isEqualTo(PROJECT);
            assertThat(skip.causeSequence()).isEqualTo(APPROVED_AT);
            assertThat(skip.code()).isEqualTo("NOTICE_INVALID");
            assertThat(skip.problems()).containsExactly("title PERSONAL_NUMBER_IN_NOTICE");
        });
    }

    @Test
    void aRedeliveryOfTheCauseRecordsNoSecondSkip() throws Exception {
        DomainEventMessage<?> approval = deliverApproval();
        DefaultUnitOfWork.startAndGet(approval).executeWithResult(() -> {
            new AnnotationEventHandlerAdapter(publisher).handle(approval);
            return null;
        });

        assertThat(skips()).hasSize(1);
    }

    @Test
    void aHandlerCalledOutsideAUnitOfWorkRecordsTheSkipWithoutACause() {
        publisher.on(APPROVED, APPROVED_AT);

        assertThat(recorded).singleElement().satisfies(skip -> {
            assertThat(skip.causeEventId()).isNull();
            assertThat(skip.causeSequence()).isEqualTo(-1);
        });
    }

    @Nested
    class Retries {

        PublicationRetry retry;

        @BeforeEach
        void retry() {
            retry = new PublicationRetry(publisher, eventStore, NoTransactionManager.INSTANCE);
        }

        @Test
        void aRetryThatIsRefusedAgainSaysWhyAndRecordsNoSecondSkip() throws Exception {
            deliverApproval();

            PublicationRetry.Outcome outcome = retry.retry(PLAN);

            assertThat(outcome.published()).isFalse();
            assertThat(outcome.code()).isEqualTo("NOTICE_INVALID");
            assertThat(outcome.problems()).containsExactly("title PERSONAL_NUMBER_IN_NOTICE");
            assertThat(skips()).hasSize(1);
            assertThat(published).doesNotContain(PLAN);
        }

        @Test
        void aRetryOnceTheLedgerAcceptsThePlanPublishesIt() throws Exception {
            deliverApproval();
            refusePlan = false;

            PublicationRetry.Outcome outcome = retry.retry(PLAN);

            assertThat(outcome.published()).isTrue();
            assertThat(outcome.code()).isNull();
            assertThat(published).containsExactly("NTC-PC-" + PROJECT, "NTC-PT-" + PROJECT, PLAN);
            assertThat(skips()).hasSize(1);
        }

        @Test
        void aRetryOfAPublishedNoticeIsRefused() throws Exception {
            deliverApproval();
            refusePlan = false;
            retry.retry(PLAN);

            assertRefused(() -> retry.retry(PLAN), RefusalKind.CONFLICT, "ALREADY_PUBLISHED");
        }

        @Test
        void aRetryOfANoticeNeverSkippedIsNotFound() {
            assertRefused(() -> retry.retry("NTC-PP-PRJ-2016-99"), RefusalKind.NOT_FOUND, "SKIPPED_WORK_NOT_FOUND");
        }

        @Test
        void aSkipWithoutAKnownCauseCannotBeRetried() {
            publisher.on(APPROVED, APPROVED_AT);

            assertRefused(() -> retry.retry(PLAN), RefusalKind.NOT_FOUND, "SKIPPED_WORK_NOT_FOUND");
        }

        private void assertRefused(Runnable call, RefusalKind kind, String code) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class, refusal -> {
                assertThat(refusal.kind()).isEqualTo(kind);
                assertThat(refusal.code()).isEqualTo(code);
            });
        }
    }

}
