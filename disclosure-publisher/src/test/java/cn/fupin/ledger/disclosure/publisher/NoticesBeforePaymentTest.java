package cn.fupin.ledger.disclosure.publisher;

import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.GrantBatchSubmittedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.disclosure.publisher.AutomaticNoticesTest.NOTICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The notices that make a payment public before it is made (事前公示), decided from events without Spring: a project
 * plan per approved project, the village grant lists of a grant batch or a single grant, and the correction an upheld
 * objection makes due.
 */
class NoticesBeforePaymentTest {

    static final String BAOZHU = "510824105203";
    static final String OTHER_VILLAGE = "510824105204";

    static ProjectProposedEvent villageProject() {
        return new ProjectProposedEvent("PRJ-2016-07", "宝珠村产业路", "ROADS", BAOZHU, "510824105",
                Beneficiary.VILLAGE, List.of(new BudgetLine("FUND-510824-2016-CENTRAL", 60_000_000L),
                new BudgetLine("FUND-510824-2016-COUNTY", 20_000_000L)), 80_000_000L, "宝珠村村民委员会", "白桥镇人民政府",
                LocalDate.of(2016, 3, 1), LocalDate.of(2016, 9, 30), 40, 120, "硬化村道3.2公里", "方便群众出行销售农产品",
                "每公里25万元", "王德春", "0839-5111111", "2016年2月村民代表大会通过", "clerk");
    }

    static ProjectProposedEvent townshipProject() {
        return new ProjectProposedEvent("PRJ-2016-G105", "贫困户增收项目启动资金", "INDUSTRY", null, "510824105",
                Beneficiary.HOUSEHOLDS, List.of(new BudgetLine("FUND-510824-2016-INTEGRATED_AGRICULTURE", 900_000L)),
                900_000L, "白桥镇人民政府", "白桥镇人民政府", LocalDate.of(2016, 6, 1), LocalDate.of(2016, 12, 31), 3,
                null, null, null, "每户3000元", null, null, null, "clerk");
    }

    static DisbursementRequestedEvent grant(String id, String village, String card, long fen, String batchId) {
        return new DisbursementRequestedEvent(id, "PRJ-2016-G105", PayeeKind.HOUSEHOLD, village, "510824105", card,
                fen, List.of(new BudgetLine("FUND-510824-2016-INTEGRATED_AGRICULTURE", fen)), "V-1", batchId, "clerk");
    }

    @Nested
    class ProjectPlans {

        @Test
        void aVillageProjectsPlanIsPublishedAtItsVillageWithEveryFieldAndListsTheProject() {
            PublishNoticeCommand command = NOTICES.projectPlan(new ProjectApprovedEvent("PRJ-2016-07",
                    "苍发改〔2016〕21号", List.of(), "approver"), villageProject()).orElseThrow();

            assertThat(command.noticeId().value()).isEqualTo("NTC-PP-PRJ-2016-07");
            assertThat(command.items()).containsExactly("PRJ-2016-07");
            assertThat(command.periodDays()).isEqualTo(10);
            NoticeContent content = command.content();
            assertThat(content.kind()).isEqualTo(NoticeKind.PROJECT_PLAN);
            assertThat(content.level()).isEqualTo(NoticeLevel.VILLAGE);
            assertThat(content.placeCode()).isEqualTo(BAOZHU);
            assertThat(content.placeName()).isEqualTo("宝珠村");
            Map<String, String> fields = new HashMap<>();
            content.fields().forEach(field -> fields.put(field.label(), field.value()));
            assertThat(fields).containsEntry("建设地点", "白桥镇宝珠村")
                    .containsEntry("建设内容及规模", "硬化村道3.2公里")
                    .containsEntry("补助标准", "每公里25万元")
                    .containsEntry("资金来源及金额", "中央财政专项扶贫资金600,000.00元；县本级财政扶贫资金200,000.00元")
                    .containsEntry("实施期限", "2016-03-01 至 2016-09-30")
                    .containsEntry("实施单位", "宝珠村村民委员会")
                    .containsEntry("项目负责人", "王德春")
                    .containsEntry("绩效目标", "受益贫困户40户120人")
                    .containsEntry("带贫减贫机制", "方便群众出行销售农产品")
                    .containsEntry("批复文号", "苍发改〔2016〕21号");
            assertThat(content.supervisionPhone()).isEqualTo("0839-5111111");
            assertThat(content.hotline()).isEqualTo("12317");
            assertThat(content.rows()).singleElement().extracting(NoticeContent.Row::item).isEqualTo("PRJ-2016-07");
        }

        @Test
        void aProjectForTheHouseholdsOfAWholeTownshipIsPublishedAtTheTownship() {
            PublishNoticeCommand command = NOTICES.projectPlan(new ProjectApprovedEvent("PRJ-2016-G105", "批1",
                    List.of(), "approver"), townshipProject()).orElseThrow();

            assertThat(command.content().level()).isEqualTo(NoticeLevel.TOWNSHIP);
            assertThat(command.content().placeCode()).isEqualTo("510824105");
            assertThat(command.content().placeName()).isEqualTo("白桥镇");
            assertThat(command.content().supervisionPhone()).as("the county's, as the project names none")
                    .isEqualTo("0839-5200000");
        }

        @Test
        void aProjectOutsideTheCountyHasNoPlanNotice() {
            ProjectProposedEvent elsewhere = new ProjectProposedEvent("PRJ-X", "外县", "ROADS", null, "510999100",
                    Beneficiary.VILLAGE, List.of(), 0, null, null, null, null, 0, null, null, null, null, null, null,
                    null, "clerk");

            assertThat(NOTICES.projectPlan(new ProjectApprovedEvent("PRJ-X", "批", List.of(), "approver"),
                    elsewhere)).isEmpty();
        }
    }

    @Nested
    class ProjectLists {

        static Map<String, String> fields(NoticeContent content) {
            Map<String, String> fields = new HashMap<>();
            content.fields().forEach(field -> fields.put(field.label(), field.value()));
            return fields;
        }

        @Test
        void aVillageProjectIsAnnouncedOnTheCountysAndItsTownshipsListsPointingToItsPlan() {
            List<PublishNoticeCommand> commands = NOTICES.projectLists(new ProjectApprovedEvent("PRJ-2016-07",
                    "苍发改〔2016〕21号", List.of(), "approver"), villageProject());

            assertThat(commands).extracting(command -> command.noticeId().value())
                    .containsExactly("NTC-PC-PRJ-2016-07", "NTC-PT-PRJ-2016-07");
            assertThat(commands).allSatisfy(command -> {
                NoticeContent content = command.content();
                assertThat(content.kind()).isEqualTo(NoticeKind.PROJECT_LIST);
                assertThat(command.items()).containsExactly("PRJ-2016-07");
                assertThat(command.periodDays()).isEqualTo(10);
                assertThat(content.columns()).containsExactly("乡镇", "村", "项目名称", "建设内容", "资金来源",
                        "项目总投资", "实施期限", "实施单位", NoticeContent.DETAIL_COLUMN);
                assertThat(content.rows()).singleElement().satisfies(row -> {
                    assertThat(row.item()).isEqualTo("PRJ-2016-07");
                    assertThat(row.cells()).containsExactly("白桥镇", "宝珠村", "宝珠村产业路", "硬化村道3.2公里",
                            "中央财政专项扶贫资金600,000.00元；县本级财政扶贫资金200,000.00元", "80.00万元",
                            "2016-03-01 至 2016-09-30", "宝珠村村民委员会", "NTC-PP-PRJ-2016-07");
                });
                assertThat(fields(content)).containsEntry("批复文号", "苍发改〔2016〕21号")
                        .containsEntry("项目总投资", "80.00万元（800,000.00元）")
                        .containsEntry(NoticeContent.DETAIL_COLUMN, "NTC-PP-PRJ-2016-07（白桥镇宝珠村）");
                assertThat(content.body()).contains("苍发改〔2016〕21号", "NTC-PP-PRJ-2016-07", "12317");
                assertThat(content.supervisionPhone()).isEqualTo("0839-5111111");
                assertThat(content.hotline()).isEqualTo("12317");
            });
            NoticeContent county = commands.get(0).content();
            assertThat(county.level()).isEqualTo(NoticeLevel.COUNTY);
            assertThat(county.placeCode()).isEqualTo("510824");
            assertThat(county.title()).isEqualTo("县级扶贫项目计划公告：宝珠村产业路");
            NoticeContent township = commands.get(1).content();
            assertThat(township.level()).isEqualTo(NoticeLevel.TOWNSHIP);
            assertThat(township.placeCode()).isEqualTo("510824105");
            assertThat(township.placeName()).isEqualTo("白桥镇");
            assertThat(township.title()).isEqualTo("白桥镇扶贫项目计划公告：宝珠村产业路");
            assertThat(township.body()).contains("白桥镇人民政府");
        }

        @Test
        void aTownshipWideProjectIsOnTheCountysListOnlyItsPlanBeingTheTownshipsNotice() {
            List<PublishNoticeCommand> commands = NOTICES.projectLists(new ProjectApprovedEvent("PRJ-2016-G105", "",
                    List.of(), "approver"), townshipProject());

            assertThat(commands).singleElement().satisfies(command -> {
                assertThat(command.noticeId().value()).isEqualTo("NTC-PC-PRJ-2016-G105");
                assertThat(command.content().rows().get(0).cells().subList(0, 3))
                        .containsExactly("白桥镇", "全乡镇", "贫困户增收项目启动资金");
                assertThat(fields(command.content())).containsEntry("批复文号", "—");
                assertThat(command.content().supervisionPhone()).as("the county's, as the project names none")
                        .isEqualTo("0839-5200000");
            });
        }

        @Test
        void aProjectOutsideTheCountyIsOnNoList() {
            ProjectProposedEvent elsewhere = new ProjectProposedEvent("PRJ-X", "外县", "ROADS", null, "510999100",
                    Beneficiary.VILLAGE, List.of(), 0, null, null, null, null, 0, null, null, null, null, null, null,
                    null, "clerk");

            assertThat(NOTICES.projectLists(new ProjectApprovedEvent("PRJ-X", "批", List.of(), "approver"),
                    elsewhere)).isEmpty();
        }
    }

    @Nested
    class GrantLists {

        @Test
        void aBatchIsListedOnOneNoticePerVillageWithMaskedNamesAndEachGrantAsAnItem() {
            List<DisbursementRequestedEvent> grants = List.of(
                    grant("GB-1-0000", OTHER_VILLAGE, "T-1", 300_000L, "GB-1"),
                    grant("GB-1-0001", BAOZHU, "T-2", 300_000L, "GB-1"),
                    grant("GB-1-0002", BAOZHU, "T-3", 350_000L, "GB-1"));

            List<PublishNoticeCommand> commands = NOTICES.grantLists("GB-1", grants,
                    Map.of("T-1", "张三明", "T-2", "欧阳小明", "T-3", "<script>李四</script>"), townshipProject());

            assertThat(commands).extracting(command -> command.noticeId().value())
                    .containsExactly("NTC-GL-GB-1-" + BAOZHU, "NTC-GL-GB-1-" + OTHER_VILLAGE);
            PublishNoticeCommand baozhu = commands.get(0);
            assertThat(baozhu.items()).containsExactly("GB-1-0001", "GB-1-0002");
            assertThat(baozhu.content().kind()).isEqualTo(NoticeKind.GRANT_LIST);
            assertThat(baozhu.content().level()).isEqualTo(NoticeLevel.VILLAGE);
            assertThat(baozhu.content().placeCode()).isEqualTo(BAOZHU);
            assertThat(baozhu.content().rows()).extracting(row -> row.cells().get(0))
                    .containsExactly("欧**明", "<" + "*".repeat("script>李四</script".length()) + ">");
            assertThat(baozhu.content().rows()).extracting(row -> row.cells().get(1))
                    .containsExactly("3,000.00", "3,500.00");
            assertThat(baozhu.content().toString()).doesNotContain("欧阳小明", "李四", "T-2", "T-3");
            assertThat(commands.get(1).content().rows()).extracting(row -> row.cells().get(0)).containsExactly("张*明");
        }

        @Test
        void aVillagerReadsEachHouseholdByNameAndAmountWhileItsRecordIdIsOnlyTheRowsItem() {
            List<DisbursementRequestedEvent> grants = List.of(
                    grant("DSB-44d1f289-314f-3a2c-9320-7c192c5b956f", BAOZHU, "T-1", 300_000L, "GB-1"),
                    grant("DSB-e29bd5b1-5f10-3289-ad0c-8fea1c13fe4f", BAOZHU, "T-2", 300_000L, "GB-1"));

            NoticeContent content = NOTICES.grantLists("GB-1", grants, Map.of("T-1", "张三明", "T-2", "李四"),
                    townshipProject()).get(0).content();

            // The page numbers the rows (序号 1, 2 …) and the form posts the item; the cells hold what a villager reads.
            assertThat(content.columns()).containsExactly("户主", "补助金额（元）");
            assertThat(content.rows()).extracting(NoticeContent.Row::item).containsExactly(
                    "DSB-44d1f289-314f-3a2c-9320-7c192c5b956f", "DSB-e29bd5b1-5f10-3289-ad0c-8fea1c13fe4f");
            assertThat(content.rows()).extracting(NoticeContent.Row::cells)
                    .containsExactly(List.of("张*明", "3,000.00"), List.of("李*", "3,000.00"));
        }

        @Test
        void aSingleGrantIsListedOnItsOwn() {
            List<PublishNoticeCommand> commands = NOTICES.grantLists("DSB-9", List.of(
                    grant("DSB-9", BAOZHU, "T-1", 300_000L, null)), Map.of("T-1", "王五"), townshipProject());

            assertThat(commands).singleElement().satisfies(command -> {
                assertThat(command.noticeId().value()).isEqualTo("NTC-GL-DSB-9");
                assertThat(command.items()).containsExactly("DSB-9");
            });
        }

        @Test
        void aHouseholdWhoseNameIsNotFoundIsListedWithADash() {
            List<PublishNoticeCommand> commands = NOTICES.grantLists("DSB-9", List.of(
                    grant("DSB-9", BAOZHU, "T-1", 300_000L, null)), Map.of(), null);

            assertThat(commands.get(0).content().rows().get(0).cells().get(0)).isEqualTo("—");
            assertThat(commands.get(0).content().title()).isEqualTo("宝珠村到户增收项目到户资金公示");
        }
    }

    @Nested
    class Publisher {

        final EventStore eventStore = mock(EventStore.class);
        final List<PublishNoticeCommand> sent = new ArrayList<>();
        final Map<String, List<Object>> streams = new HashMap<>();
        AutomaticPublisher publisher;

        @BeforeEach
        void eventStore() {
            when(eventStore.readEvents(anyString(), eq(0L))).thenAnswer(call -> {
                String id = call.getArgument(0);
                List<Object> facts = streams.getOrDefault(id, List.of());
                GenericDomainEventMessage<?>[] messages = new GenericDomainEventMessage<?>[facts.size()];
                for (int i = 0; i < facts.size(); i++) {
                    messages[i] = new GenericDomainEventMessage<>("Aggregate", id, i, facts.get(i));
                }
                return DomainEventStream.of(messages);
            });
            publisher = new AutomaticPublisher(NOTICES, eventStore, sent::add, skip -> { });
            streams.put("PRJ-2016-G105", List.of(townshipProject()));
            streams.put("HH-T-1", List.of(registered("T-1", "张三明"), registered("T-1", "张三民")));
            streams.put("HH-T-2", List.of(registered("T-2", "李四")));
        }

        HouseholdRegisteredEvent registered(String card, String name) {
            return new HouseholdRegisteredEvent(card, name, "c", "m", "c", "m", BAOZHU, "510824105", 3, false, "I-1");
        }

        @Test
        void aBatchIsListedFromTheRequestsAndTheHouseholdsAsLastRegistered() {
            streams.put("GB-1-0000", List.of(grant("GB-1-0000", BAOZHU, "T-1", 300_000L, "GB-1")));
            streams.put("GB-1-0001", List.of(grant("GB-1-0001", BAOZHU, "T-2", 300_000L, "GB-1")));

            publisher.on(new GrantBatchSubmittedEvent("GB-1", "PRJ-2016-G105", "V-1",
                    List.of("GB-1-0000", "GB-1-0001"), 600_000L, "clerk"));
            publisher.on(grant("GB-1-0000", BAOZHU, "T-1", 300_000L, "GB-1"));

            assertThat(sent).singleElement().satisfies(command -> {
                assertThat(command.items()).containsExactly("GB-1-0000", "GB-1-0001");
                assertThat(command.content().rows()).extracting(row -> row.cells().get(0))
                        .containsExactly("张*民", "李*");
            });
        }

        @Test
        void aGrantOnItsOwnIsListedAndAVillagePaymentIsNot() {
            publisher.on(grant("DSB-9", BAOZHU, "T-2", 300_000L, null));
            publisher.on(new DisbursementRequestedEvent("DSB-10", "PRJ-2016-07", PayeeKind.VILLAGE, BAOZHU,
                    "510824105", null, 100L, List.of(), "V-2", null, "clerk"));

            assertThat(sent).extracting(command -> command.noticeId().value()).containsExactly("NTC-GL-DSB-9");
        }

        @Test
        void anApprovalPublishesThePlanFromTheProposalRecordedBeforeIt() {
            streams.put("PRJ-2016-07", List.of(villageProject(), new ProjectApprovedEvent("PRJ-2016-07", "批",
                    List.of(), "approver")));

            publisher.on(new ProjectApprovedEvent("PRJ-2016-07", "批", List.of(), "approver"), 1L);

            assertThat(sent).as("the county's and the township's lists first, then the plan: once the plan is "
                            + "public the lists are too, so they hold the project no longer than the plan")
                    .extracting(command -> command.noticeId().value())
                    .containsExactly("NTC-PC-PRJ-2016-07", "NTC-PT-PRJ-2016-07", "NTC-PP-PRJ-2016-07");
        }

        @Test
        void anApprovalWhoseProposalIsNotRecordedPublishesNothing() {
            publisher.on(new ProjectApprovedEvent("PRJ-2016-99", "批", List.of(), "approver"), 1L);

            assertThat(sent).isEmpty();
        }

        NoticePublishedEvent published(String noticeId, String supersedes, String... items) {
            List<NoticeContent.Row> rows = new ArrayList<>();
            for (String item : items) {
                rows.add(new NoticeContent.Row(item, List.of(item, "3,000.00")));
            }
            NoticeContent content = new NoticeContent(noticeId, supersedes == null ? NoticeKind.GRANT_LIST
                    : NoticeKind.CORRECTION, NoticeLevel.VILLAGE, BAOZHU, "宝珠村", "宝珠村到户资金公示", "正文",
                    List.of(), List.of("编号", "金额"), rows, LocalDate.of(2016, 5, 4), LocalDate.of(2016, 5, 13),
                    supersedes, null, "0839-5111111", "12317");
            return NoticePublishedEvent.of(content, List.of(items), Instant.parse("2016-05-04T02:00:00Z"),
                    Instant.parse("2016-05-13T16:00:00Z"), "system:disclosure-publisher");
        }

        ObjectionResolvedEvent upheld(String noticeId, String objectionId, String item) {
            return new ObjectionResolvedEvent(noticeId, objectionId, item, ObjectionResolution.UPHELD, "不符合条件",
                    "auditor", true);
        }

        @Test
        void anUpheldObjectionMakesACorrectionWithoutTheWithdrawnItemSupersedingTheNotice() {
            streams.put("NTC-GL-1", List.of(published("NTC-GL-1", null, "D-1", "D-2", "D-3"),
                    new ObjectionFiledEvent("NTC-GL-1", "OBJ-1", "D-2", "不符合", null, Instant.EPOCH),
                    upheld("NTC-GL-1", "OBJ-1", "D-2")));

            publisher.on(upheld("NTC-GL-1", "OBJ-1", "D-2"));

            assertThat(sent).singleElement().satisfies(command -> {
                assertThat(command.noticeId().value()).isEqualTo("NTC-CR-OBJ-1");
                assertThat(command.items()).containsExactly("D-1", "D-3");
                assertThat(command.content().kind()).isEqualTo(NoticeKind.CORRECTION);
                assertThat(command.content().supersedes()).isEqualTo("NTC-GL-1");
                assertThat(command.content().correctionReason()).isEqualTo("异议成立：不符合条件");
                assertThat(command.content().placeCode()).isEqualTo(BAOZHU);
                assertThat(command.content().title()).isEqualTo("更正公告：宝珠村到户资金公示");
            });
        }

        @Test
        void aSecondUpheldObjectionCorrectsTheCorrectionLeavingBothItemsOut() {
            streams.put("NTC-GL-1", List.of(published("NTC-GL-1", null, "D-1", "D-2", "D-3"),
                    upheld("NTC-GL-1", "OBJ-1", "D-2"), new NoticeSupersededEvent("NTC-GL-1", "NTC-CR-OBJ-1", "r"),
                    upheld("NTC-GL-1", "OBJ-2", "D-3")));
            streams.put("NTC-CR-OBJ-1", List.of(published("NTC-CR-OBJ-1", "NTC-GL-1", "D-1", "D-3")));

            publisher.on(upheld("NTC-GL-1", "OBJ-2", "D-3"));

            assertThat(sent).singleElement().satisfies(command -> {
                assertThat(command.noticeId().value()).isEqualTo("NTC-CR-OBJ-2");
                assertThat(command.content().supersedes()).isEqualTo("NTC-CR-OBJ-1");
                assertThat(command.items()).containsExactly("D-1");
            });
        }

        @Test
        void aCorrectionPublishedAlreadyIsNotPublishedAgainAndADismissalNeedsNone() {
            streams.put("NTC-GL-1", List.of(published("NTC-GL-1", null, "D-1", "D-2"),
                    upheld("NTC-GL-1", "OBJ-1", "D-2"), new NoticeSupersededEvent("NTC-GL-1", "NTC-CR-OBJ-1", "r")));
            streams.put("NTC-CR-OBJ-1", List.of(published("NTC-CR-OBJ-1", "NTC-GL-1", "D-1")));

            publisher.on(upheld("NTC-GL-1", "OBJ-1", "D-2"));
            publisher.on(new ObjectionResolvedEvent("NTC-GL-1", "OBJ-3", "D-1", ObjectionResolution.DISMISSED,
                    "经核实符合条件", "auditor", false));

            assertThat(sent).isEmpty();
        }
    }
}
