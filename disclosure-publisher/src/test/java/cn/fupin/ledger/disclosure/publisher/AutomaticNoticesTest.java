package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.disclosure.AutomaticNoticeSeries;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectAcceptedEvent;
import cn.fupin.ledger.shared.project.ProjectCompletedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Events in, publications out, with fixed data and without Spring: which notices the events make due. */
class AutomaticNoticesTest {

    static final Gazetteer GAZETTEER = Gazetteer.forCounty("510824");
    static final AutomaticNotices NOTICES = new AutomaticNotices(GAZETTEER, 10, "0839-5200000");

    static final FundsAppropriatedEvent APPROPRIATED = new FundsAppropriatedEvent("FUND-510824-2016-CENTRAL", "APPR-1", 2016,
            FundSource.CENTRAL, 1_234_567_800L, "川财农〔2016〕12号", null);

    static final CompetitionClosedEvent CLOSED = new CompetitionClosedEvent("CMP-2016-01",
            Instant.parse("2016-05-01T02:00:00Z"), List.of(), List.of(
            new RankedProposal(1, "PRJ-2016-R1", "510824105", 50_000_000L, Instant.parse("2016-04-01T02:00:00Z"),
                    List.of(), 885_000L, RankedProposal.Outcome.AWARDED, 50_000_000L),
            new RankedProposal(2, "PRJ-2016-R2", "510824999", 90_000_000L, Instant.parse("2016-04-02T02:00:00Z"),
                    List.of(), 801_234L, RankedProposal.Outcome.DOES_NOT_FIT, 0L)),
            50_000_000L, 10_000_000L, "approver");

    static final CompetitionOpenedEvent OPENED = new CompetitionOpenedEvent("CMP-2016-01",
            "2016年度财政专项扶贫资金竞争立项", 2016, "FUND-510824-2016-CENTRAL", 60_000_000L, List.of(),
            Instant.parse("2016-04-20T02:00:00Z"), "clerk");

    static ProjectProposedEvent proposed(String supervisionPhone) {
        return new ProjectProposedEvent("PRJ-2016-07", "宝珠村产业路", "ROADS", "510824105203", "510824105",
                Beneficiary.VILLAGE, List.of(new BudgetLine("FUND-510824-2016-CENTRAL", 80_000_000L)), 80_000_000L,
                "宝珠村村民委员会", "白桥镇人民政府", LocalDate.of(2016, 3, 1), LocalDate.of(2016, 9, 30), 40, 120,
                "硬化村道3.2公里\n宽4.5米", "方便群众出行", "—", "王德春", supervisionPhone, null, "clerk");
    }

    static final ProjectAcceptedEvent ACCEPTED = new ProjectAcceptedEvent("PRJ-2016-07", "验收合格",
            List.of(), "approver");

    static List<Object> history(String supervisionPhone) {
        return List.of(proposed(supervisionPhone),
                new ProjectPaymentSettledEvent("PRJ-2016-07", "DSB-1", "APPROVED", 50_000_000L, List.of()),
                new ProjectPaymentSettledEvent("PRJ-2016-07", "DSB-2", "APPROVED", 30_000_000L, List.of()),
                new ProjectPaymentSettledEvent("PRJ-2016-07", "DSB-2", "REVERSED", 30_000_000L, List.of()),
                new ProjectPaymentSettledEvent("PRJ-2016-07", "DSB-3", "REJECTED", 9_000_000L, List.of()),
                new ProjectCompletedEvent("PRJ-2016-07", "道路已全线贯通", "clerk"));
    }

    @Test
    void anAppropriationMakesACountyAllocationNoticeListingIt() {
        PublishNoticeCommand command = NOTICES.fundAllocation(APPROPRIATED);

        assertThat(command.noticeId().value()).isEqualTo("NTC-FA-APPR-1");
        assertThat(command.items()).containsExactly("APPR-1");
        assertThat(command.periodDays()).isEqualTo(10);
        assertThat(command.actor().username()).isEqualTo("system:disclosure-publisher");
        assertThat(command.actor().role()).isEqualTo("SYSTEM");
        NoticeContent content = command.content();
        assertThat(content.kind()).isEqualTo(NoticeKind.FUND_ALLOCATION);
        assertThat(content.level()).isEqualTo(NoticeLevel.COUNTY);
        assertThat(content.placeCode()).isEqualTo("510824");
        assertThat(content.title()).isEqualTo("2016年度中央财政专项扶贫资金分配公告");
        assertThat(content.columns()).containsExactly("资金来源", "文号", "金额");
        assertThat(content.rows()).containsExactly(new NoticeContent.Row("APPR-1",
                List.of("中央财政专项扶贫资金", "川财农〔2016〕12号", "1,234.57万元（12,345,678.00元）")));
        assertThat(content.hotline()).isEqualTo("12317");
        assertThat(content.supervisionPhone()).isEqualTo("0839-5200000");
        assertThat(content.noticeId()).isNull();
        assertThat(content.periodStart()).isNull();
        assertThat(content.periodEnd()).isNull();
    }

    @Test
    void theSameEventGivesTheSameNotice() {
        assertThat(NOTICES.fundAllocation(APPROPRIATED)).isEqualTo(NOTICES.fundAllocation(APPROPRIATED));
        assertThat(NOTICES.roundResult(CLOSED, OPENED)).isEqualTo(NOTICES.roundResult(CLOSED, OPENED));
        assertThat(NOTICES.completion(ACCEPTED, history(null))).isEqualTo(NOTICES.completion(ACCEPTED, history(null)));
    }

    @Test
    void anIdThatWouldNotMakeANoticeIdIsHashedDeterministically() {
        String odd = "appr_2016/1";
        assertThat(NoticeText.noticeId(AutomaticNoticeSeries.FUND_ALLOCATION, odd).value())
                .matches("NTC-FA-[0-9a-f]{32}")
                .isEqualTo(NoticeText.noticeId(AutomaticNoticeSeries.FUND_ALLOCATION, odd).value());
    }

    @Test
    void everyNoticeThePublisherMakesIsOfAReservedSeriesAndPublishedAsThePublisher() {
        List<PublishNoticeCommand> made = new ArrayList<>();
        made.add(NOTICES.fundAllocation(APPROPRIATED));
        made.add(NOTICES.roundResult(CLOSED, OPENED));
        NOTICES.completion(ACCEPTED, history(null)).ifPresent(made::add);
        assertThat(made).hasSize(3).allSatisfy(command -> {
            assertThat(command.noticeId().isReservedForPublisher()).as(command.noticeId().value()).isTrue();
            assertThat(command.actor()).isEqualTo(AutomaticNoticeSeries.PUBLISHER);
        });
        String longId = "GB-" + "9".repeat(60);
        assertThat(List.of(AutomaticNotices.planId("PRJ-2016-0001"), AutomaticNotices.grantListId("DSB-2016-0001"),
                AutomaticNotices.grantListId(longId, "510824100001"), AutomaticNotices.correctionId("OBJ-1")))
                .allSatisfy(id -> assertThat(id.isReservedForPublisher()).as(id.value()).isTrue());
    }

    @Test
    void aClosedRoundMakesACountyResultNoticeOfItsRanking() {
        PublishNoticeCommand command = NOTICES.roundResult(CLOSED, OPENED);

        assertThat(command.noticeId().value()).isEqualTo("NTC-RR-CMP-2016-01");
        assertThat(command.items()).containsExactly("PRJ-2016-R1", "PRJ-2016-R2");
        NoticeContent content = command.content();
        assertThat(content.kind()).isEqualTo(NoticeKind.ROUND_RESULT);
        assertThat(content.level()).isEqualTo(NoticeLevel.COUNTY);
        assertThat(content.title()).isEqualTo("2016年度财政专项扶贫资金竞争立项结果公示");
        assertThat(content.rows()).extracting(NoticeContent.Row::cells).containsExactly(
                List.of("1", "PRJ-2016-R1", "白桥镇", "88.5000", "500,000.00元", "入选，足额安排"),
                List.of("2", "PRJ-2016-R2", "510824999", "80.1234", "0.00元", "剩余资金不足，未安排"));
        assertThat(NOTICES.roundResult(CLOSED, null).content().title()).isEqualTo("竞争立项结果公示（CMP-2016-01）");
    }

    @Test
    void anAcceptedProjectMakesAVillageCompletionNotice() {
        PublishNoticeCommand command = NOTICES.completion(ACCEPTED, history("0839-5111111")).orElseThrow();

        assertThat(command.noticeId().value()).isEqualTo("NTC-CA-PRJ-2016-07");
        assertThat(command.items()).containsExactly("PRJ-2016-07");
        NoticeContent content = command.content();
        assertThat(content.kind()).isEqualTo(NoticeKind.COMPLETION);
        assertThat(content.level()).isEqualTo(NoticeLevel.VILLAGE);
        assertThat(content.placeCode()).isEqualTo("510824105203");
        assertThat(content.placeName()).isEqualTo("宝珠村");
        assertThat(content.title()).isEqualTo("宝珠村产业路竣工验收公告");
        assertThat(content.fields()).contains(new NoticeContent.Field("项目地点", "白桥镇宝珠村"),
                new NoticeContent.Field("建设内容", "硬化村道3.2公里\n宽4.5米"),
                new NoticeContent.Field("项目预算", "80.00万元（800,000.00元）"),
                new NoticeContent.Field("已拨付资金", "50.00万元（500,000.00元）"),
                new NoticeContent.Field("完工情况", "道路已全线贯通"),
                new NoticeContent.Field("验收结果", "验收合格"));
        assertThat(content.rows()).containsExactly(new NoticeContent.Row("PRJ-2016-07", List.of("PRJ-2016-07",
                "宝珠村产业路", "80.00万元（800,000.00元）", "50.00万元（500,000.00元）", "验收合格")));
        assertThat(content.supervisionPhone()).isEqualTo("0839-5111111");
        assertThat(content.hotline()).isEqualTo("12317");
    }

    @Test
    void aProjectWithoutASupervisionPhoneShowsTheCountys() {
        assertThat(NOTICES.completion(ACCEPTED, history(" ")).orElseThrow().content().supervisionPhone())
                .isEqualTo("0839-5200000");
    }

    @Test
    void noCompletionNoticeWithoutTheProjectsVillage() {
        assertThat(NOTICES.completion(ACCEPTED, List.of())).isEmpty();
    }

    @Nested
    class ThePublisher {

        final EventStore eventStore = mock(EventStore.class);
        final List<PublishNoticeCommand> sent = new ArrayList<>();

        @Test
        void sendsTheDueNoticeWithTheFactsFromTheEventStore() {
            when(eventStore.readEvents("CMP-2016-01", 0L)).thenReturn(DomainEventStream.of(
                    new GenericDomainEventMessage<>("Competition", "CMP-2016-01", 0, OPENED)));
            when(eventStore.readEvents("PRJ-2016-07", 0L)).thenAnswer(call -> {
                List<Object> facts = new ArrayList<>(history("0839-5111111"));
                facts.add(ACCEPTED);
                facts.add(new ProjectProposedEvent("PRJ-2016-07", "后来者", "ROADS", "510824105204", "510824105",
                        Beneficiary.VILLAGE, List.of(), 0, null, null, null, null, 0, null, null, null, null, null,
                        null, null, "clerk"));
                List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
                for (int i = 0; i < facts.size(); i++) {
                    messages.add(new GenericDomainEventMessage<>("Project", "PRJ-2016-07", i, facts.get(i)));
                }
                return DomainEventStream.of(messages.toArray(GenericDomainEventMessage[]::new));
            });
            AutomaticPublisher publisher = new AutomaticPublisher(NOTICES, eventStore, sent::add, skip -> { });

            publisher.on(APPROPRIATED);
            publisher.on(CLOSED);
            publisher.on(ACCEPTED, 6L);

            assertThat(sent).extracting(command -> command.noticeId().value())
                    .containsExactly("NTC-FA-APPR-1", "NTC-RR-CMP-2016-01", "NTC-CA-PRJ-2016-07");
            assertThat(sent.get(1).content().title()).isEqualTo("2016年度财政专项扶贫资金竞争立项结果公示");
            // Only the history up to the acceptance counts (the later fact at sequence 7 is not read as the proposal).
            assertThat(sent.get(2).content().placeName()).isEqualTo("宝珠村");
        }

        @Test
        void aProjectSnapshottedOnTheWayStillHasItsProposalAndWholeHistory() {
            // A real store: a project snapshotted after its fifth event (the ledger snapshots after 100) reads from the
            // snapshot with readEvents(id); the completion notice needs the proposal, which only the events hold.
            EmbeddedEventStore store = EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine()).build();
            try {
                List<Object> facts = new ArrayList<>(history("0839-5111111"));
                facts.add(ACCEPTED);
                for (int i = 0; i < facts.size(); i++) {
                    store.publish(new GenericDomainEventMessage<>("Project", "PRJ-2016-07", i, facts.get(i)));
                }
                store.storeSnapshot(new GenericDomainEventMessage<>("Project", "PRJ-2016-07", 5, "the project's state"));
                List<PublishNoticeCommand> completions = new ArrayList<>();

                new AutomaticPublisher(NOTICES, store, completions::add, skip -> {
                    throw new AssertionError("the proposal is in the project's history: " + skip);
                }).on(ACCEPTED, 6L);

                assertThat(completions).singleElement().satisfies(command -> {
                    assertThat(command.noticeId().value()).isEqualTo("NTC-CA-PRJ-2016-07");
                    assertThat(command.content().placeName()).isEqualTo("宝珠村");
                });
            } finally {
                store.shutDown();
            }
        }

        @Test
        void aNoticePublishedAlreadyIsDone() {
            AutomaticPublisher publisher = new AutomaticPublisher(NOTICES, eventStore, command -> {
                throw Refusal.conflict("NOTICE_EXISTS", "a notice with this id was published already");
            }, skip -> {
                throw new AssertionError("a notice published already is no skipped work");
            });

            publisher.on(APPROPRIATED);
        }

        @Test
        void otherFailuresPropagateSoTheProcessorRetries() {
            AutomaticPublisher publisher = new AutomaticPublisher(NOTICES, eventStore, command -> {
                throw new IllegalStateException("database down");
            }, skip -> {
                throw new AssertionError("a failure that is retried is no skipped work");
            });

            assertThatThrownBy(() -> publisher.on(APPROPRIATED)).isInstanceOf(IllegalStateException.class);
        }
    }
}
