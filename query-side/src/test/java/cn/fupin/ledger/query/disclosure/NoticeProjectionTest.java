package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.FindNoticeObjectionsQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticeQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticeSummariesQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticesQuery;
import cn.fupin.ledger.shared.disclosure.NoticeSummaryView;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePeriodEndedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionView;
import cn.fupin.ledger.shared.disclosure.WorkingCalendar;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The notices read model, fed a notice's events with their sequence numbers, read back through the query handlers:
 * content exactly as published (same canonical JSON, same SHA-256), period, correction, how each objection was handled
 * — and on the public view never the objector's words or contact — and the lateness of allocation notices.
 */
@DataJpaTest(showSql = false)
class NoticeProjectionTest {

    static final String NOTICE = "NTC-2016-0001";
    static final String CORRECTION = "NTC-2016-0002";
    static final String VILLAGE = "510824100001";
    static final Instant PUBLISHED_AT = Instant.parse("2016-05-04T02:00:00Z");
    static final Instant PERIOD_ENDS_AT = Instant.parse("2016-05-14T16:00:00Z");

    @Autowired
    NoticeRepository notices;

    @Autowired
    NoticeObjectionRepository objections;

    @Autowired
    NoticeAppropriationRepository appropriations;

    @Autowired
    org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager entities;

    NoticeProjection projection() {
        return new NoticeProjection(notices, objections, appropriations);
    }

    NoticeQueries queries() {
        return new NoticeQueries(notices, objections, appropriations, WorkingCalendar.weekdays());
    }

    static NoticeContent content(String noticeId, NoticeKind kind, NoticeLevel level, String placeCode,
                                 String supersedes, String... items) {
        return new NoticeContent(noticeId, kind, level, placeCode, "金穗社区", "金穗社区到户增收项目启动资金公示 <第一批>",
                "公示期内如有异议，请反映。", List.of(new NoticeContent.Field("公示单位", "金穗社区居委会")),
                List.of("户主", "金额（元）"),
                java.util.Arrays.stream(items).map(item -> new NoticeContent.Row(item, List.of("王*国", "3000.00")))
                        .toList(),
                LocalDate.of(2016, 5, 4), LocalDate.of(2016, 5, 14), supersedes,
                supersedes == null ? null : "删除一户", "0839-5222000", NoticeContent.HOTLINE);
    }

    static NoticePublishedEvent published(NoticeContent content, Instant at) {
        return NoticePublishedEvent.of(content, content.rows().stream().map(NoticeContent.Row::item).toList(), at,
                PERIOD_ENDS_AT, "clerk");
    }

    static NoticePublishedEvent grantList() {
        return published(content(NOTICE, NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, VILLAGE, null, "DSB-1", "DSB-2"),
                PUBLISHED_AT);
    }

    void feedGrantListWithObjections() {
        NoticeProjection projection = projection();
        projection.on(grantList(), 0);
        projection.on(new ObjectionFiledEvent(NOTICE, "OBJ-1", "DSB-1", "王某某家有小轿车", "v1:sealed",
                PUBLISHED_AT.plusSeconds(3_600)), 1);
        projection.on(new ObjectionFiledEvent(NOTICE, "OBJ-2", "DSB-2", "李某某已迁出", null,
                PUBLISHED_AT.plusSeconds(7_200)), 2);
        projection.on(new ObjectionResolvedEvent(NOTICE, "OBJ-1", "DSB-1", ObjectionResolution.DISMISSED,
                "经入户核实，车辆为借用", "approver", false), 3, PUBLISHED_AT.plusSeconds(86_400));
    }

    @Nested
    class PublicView {

        @Test
        void aNoticeReadsBackWithTheContentItWasPublishedWithAndTheSameHash() {
            projection().on(grantList(), 0);

            NoticeView view = queries().handle(new FindNoticeQuery(NOTICE)).orElseThrow();

            assertThat(view.content()).isEqualTo(grantList().content());
            assertThat(view.contentJson()).isEqualTo(grantList().contentJson());
            assertThat(NoticeJson.sha256(view.contentBytes())).isEqualTo(view.contentSha256())
                    .isEqualTo(grantList().contentSha256());
            assertThat(view.kindName()).isEqualTo("到户增收项目启动资金公示");
            assertThat(view.levelName()).isEqualTo("村");
            assertThat(view.publishedAt()).isEqualTo(PUBLISHED_AT);
            assertThat(view.periodEndsAt()).isEqualTo(PERIOD_ENDS_AT);
            assertThat(view.supersededBy()).isNull();
            assertThat(view.lateByWorkingDays()).isZero();
            assertThat(view.objections()).isEmpty();
        }

        @Test
        void objectionsShowHowTheyWereHandledButNeverWhoObjectedOrWhatTheyWrote() {
            feedGrantListWithObjections();

            NoticeView view = queries().handle(new FindNoticeQuery(NOTICE)).orElseThrow();

            assertThat(view.objections()).containsExactly(
                    new NoticeView.ObjectionOutcome("OBJ-1", "DSB-1", PUBLISHED_AT.plusSeconds(3_600), "DISMISSED",
                            "经入户核实，车辆为借用", PUBLISHED_AT.plusSeconds(86_400)),
                    new NoticeView.ObjectionOutcome("OBJ-2", "DSB-2", PUBLISHED_AT.plusSeconds(7_200), "PENDING", null,
                            null));
            assertThat(view.toString()).doesNotContain("小轿车", "迁出", "sealed");
        }

        @Test
        void officersSeeTheObjectorsWordsButNeverTheContact() {
            feedGrantListWithObjections();

            List<ObjectionView> seen = queries().handle(new FindNoticeObjectionsQuery(NOTICE));

            assertThat(seen).extracting(ObjectionView::text).containsExactly("王某某家有小轿车", "李某某已迁出");
            assertThat(seen).extracting(ObjectionView::contactGiven).containsExactly(true, false);
            assertThat(seen.get(0).resolvedBy()).isEqualTo("approver");
            assertThat(seen.toString()).doesNotContain("sealed");
        }

        @Test
        void aCorrectionIsShownOnTheNoticeItSupersedesAndTheEndOfThePeriodIsKept() {
            NoticeProjection projection = projection();
            projection.on(grantList(), 0);
            projection.on(new NoticePeriodEndedEvent(NOTICE, PERIOD_ENDS_AT), 1);
            projection.on(new NoticeSupersededEvent(NOTICE, CORRECTION, "删除一户"), 2);
            projection.on(published(content(CORRECTION, NoticeKind.CORRECTION, NoticeLevel.VILLAGE, VILLAGE, NOTICE,
                    "DSB-1"), PUBLISHED_AT.plusSeconds(20 * 86_400L)), 0);

            assertThat(queries().handle(new FindNoticeQuery(NOTICE)).orElseThrow().supersededBy())
                    .isEqualTo(CORRECTION);
            assertThat(queries().handle(new FindNoticeQuery(CORRECTION)).orElseThrow().content().supersedes())
                    .isEqualTo(NOTICE);
            assertThat(notices.findById(NOTICE).orElseThrow().isPeriodEnded()).isTrue();
        }

        @Test
        void aRedeliveredEventChangesNothing() {
            feedGrantListWithObjections();
            NoticeProjection projection = projection();
            projection.on(grantList(), 0);
            projection.on(new ObjectionFiledEvent(NOTICE, "OBJ-3", "DSB-1", "重复投递", null, PUBLISHED_AT), 2);
            projection.on(new NoticeSupersededEvent(NOTICE, CORRECTION, "迟到的旧事件"), 3);

            NoticeView view = queries().handle(new FindNoticeQuery(NOTICE)).orElseThrow();
            assertThat(view.objections()).extracting(NoticeView.ObjectionOutcome::objectionId)
                    .containsExactly("OBJ-1", "OBJ-2");
            assertThat(view.supersededBy()).isNull();
        }
    }

    @Nested
    class Listing {

        @Test
        void noticesOfAPlaceAreListedNewestFirstAndOtherPlacesLeftOut() {
            NoticeProjection projection = projection();
            projection.on(grantList(), 0);
            projection.on(published(content(CORRECTION, NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, VILLAGE, null,
                    "DSB-3"), PUBLISHED_AT.plusSeconds(60)), 0);
            projection.on(published(content("NTC-2016-0003", NoticeKind.ROUND_RESULT, NoticeLevel.COUNTY, "510824",
                    null, "PRJ-1"), PUBLISHED_AT.plusSeconds(120)), 0);

            assertThat(queries().handle(new FindNoticesQuery(NoticeLevel.VILLAGE, VILLAGE)))
                    .extracting(view -> view.content().noticeId()).containsExactly(CORRECTION, NOTICE);
            assertThat(queries().handle(new FindNoticesQuery(NoticeLevel.COUNTY, "510824")))
                    .extracting(view -> view.content().noticeId()).containsExactly("NTC-2016-0003");
            assertThat(queries().handle(new FindNoticesQuery(NoticeLevel.TOWNSHIP, "510824100"))).isEmpty();
            assertThat(queries().handle(new FindNoticesQuery(null, null))).hasSize(3);
        }

        @Test
        void aPlacesNoticesAreSummarisedWithoutTheirBytesNewestFirstInKeysetPages() {
            NoticeProjection projection = projection();
            projection.on(grantList(), 0);
            projection.on(published(content(CORRECTION, NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, VILLAGE, NOTICE,
                    "DSB-3"), PUBLISHED_AT.plusSeconds(60)), 0);
            projection.on(new NoticeSupersededEvent(NOTICE, CORRECTION, "删除一户"), 1);
            projection.on(published(content("NTC-2016-0003", NoticeKind.ROUND_RESULT, NoticeLevel.COUNTY, "510824",
                    null, "PRJ-1"), PUBLISHED_AT.plusSeconds(120)), 0);

            List<NoticeSummaryView> first = queries().handle(new FindNoticeSummariesQuery(NoticeLevel.VILLAGE,
                    VILLAGE, null, null, 1));
            assertThat(first).containsExactly(new NoticeSummaryView(CORRECTION, "金穗社区到户增收项目启动资金公示 <第一批>",
                    NoticeKind.GRANT_LIST.chineseName(), PUBLISHED_AT.plusSeconds(60), LocalDate.of(2016, 5, 4),
                    LocalDate.of(2016, 5, 14), null, null, "金穗社区", null, "0.30万元"));
            List<NoticeSummaryView> next = queries().handle(new FindNoticeSummariesQuery(NoticeLevel.VILLAGE, VILLAGE,
                    first.get(0).publishedAt(), first.get(0).noticeId(), 10));
            assertThat(next).extracting(NoticeSummaryView::noticeId, NoticeSummaryView::supersededBy)
                    .containsExactly(tuple(NOTICE, CORRECTION));
            // What a list shows is what the notice's own page reads from the published bytes.
            assertThat(next.get(0)).isEqualTo(NoticeSummaryView.of(
                    queries().handle(new FindNoticeQuery(NOTICE)).orElseThrow()));
            assertThat(queries().handle(new FindNoticeSummariesQuery(NoticeLevel.TOWNSHIP, "510824100", null, null,
                    10))).isEmpty();
        }

        /** A village's plan: its township is read from its location (建设地点), the total from 项目总投资. */
        static NoticePublishedEvent villagePlan() {
            NoticeContent content = new NoticeContent("NTC-PP-PRJ-7", NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE,
                    VILLAGE, "白鹤村", "白鹤村猕猴桃产业园项目计划公示", "现予公示。",
                    List.of(new NoticeContent.Field("项目名称", "猕猴桃产业园"),
                            new NoticeContent.Field("建设地点", "文昌镇白鹤村"),
                            new NoticeContent.Field("项目总投资", "12.00万元（120,000.00元）")),
                    List.of("项目编号", "项目名称"), List.of(new NoticeContent.Row("PRJ-7", List.of("PRJ-7", "猕猴桃产业园"))),
                    LocalDate.of(2016, 5, 4), LocalDate.of(2016, 5, 14), null, null, "0839-5222000",
                    NoticeContent.HOTLINE);
            return published(content, PUBLISHED_AT.plusSeconds(600));
        }

        /** The county's list of approved projects: township and village from its row's 乡镇 and 村. */
        static NoticePublishedEvent countyList() {
            NoticeContent content = new NoticeContent("NTC-PC-PRJ-7", NoticeKind.PROJECT_LIST, NoticeLevel.COUNTY,
                    "510824", "苍溪县", "县级扶贫项目计划公告：猕猴桃产业园", "现予公告。",
                    List.of(new NoticeContent.Field("项目", "猕猴桃产业园（PRJ-7）"),
                            new NoticeContent.Field("项目总投资", "12.00万元（120,000.00元）")),
                    List.of("乡镇", "村", "项目名称", "项目总投资"),
                    List.of(new NoticeContent.Row("PRJ-7", List.of("文昌镇", "白鹤村", "猕猴桃产业园", "12.00万元"))),
                    LocalDate.of(2016, 5, 4), LocalDate.of(2016, 5, 14), null, null, "0839-5222000",
                    NoticeContent.HOTLINE);
            return published(content, PUBLISHED_AT.plusSeconds(600));
        }

        List<List<String>> lines() {
            return java.util.stream.Stream.concat(
                    queries().handle(new FindNoticeSummariesQuery(NoticeLevel.VILLAGE, VILLAGE, null, null, 10))
                            .stream(),
                    queries().handle(new FindNoticeSummariesQuery(NoticeLevel.COUNTY, "510824", null, null, 10))
                            .stream())
                    .map(summary -> java.util.Arrays.asList(summary.noticeId(), summary.township(), summary.village(),
                            summary.project(), summary.amount()))
                    .toList();
        }

        @Test
        void whatTellsANoticeApartIsKeptFromItsContentAndKeptTheSameOnARebuild() {
            NoticeProjection projection = projection();
            projection.on(villagePlan(), 0);
            projection.on(countyList(), 0);
            projection.on(grantList(), 0);

            List<List<String>> lines = lines();
            assertThat(lines).containsExactly(
                    java.util.Arrays.asList("NTC-PP-PRJ-7", "文昌镇", "白鹤村", "猕猴桃产业园", "12.00万元"),
                    java.util.Arrays.asList(NOTICE, null, "金穗社区", null, "0.60万元"),
                    java.util.Arrays.asList("NTC-PC-PRJ-7", "文昌镇", "白鹤村", "猕猴桃产业园", "12.00万元"));

            // A rebuild (the processing group's reset, then every event again) fills the columns the same way.
            projection.reset();
            entities.clear(); // the reset's bulk delete runs in its own transaction in the ledger
            assertThat(lines()).isEmpty();
            projection.on(grantList(), 0);
            projection.on(countyList(), 0);
            projection.on(villagePlan(), 0);
            assertThat(lines()).isEqualTo(lines);
        }

        @Test
        void anUnknownNoticeIsNotFound() {
            assertThat(queries().handle(new FindNoticeQuery("NTC-2016-0404"))).isEmpty();
        }
    }

    @Nested
    class Lateness {

        static final String APPROPRIATION = "APPR-0001";

        /** An appropriation recorded on Monday 2 May 2016 (Cangxi): its allocation notice is due by Monday 23 May. */
        void appropriatedOnMonday() {
            projection().on(new FundsAppropriatedEvent("FUND-510824-2016-CENTRAL", APPROPRIATION, 2016, FundSource.CENTRAL,
                    1_000_000L, "财农〔2016〕1号", null), Instant.parse("2016-05-02T01:00:00Z"));
        }

        NoticePublishedEvent allocationNotice(Instant at, String... items) {
            return published(content("NTC-2016-0010", NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY, "510824", null,
                    items), at);
        }

        @Test
        void anAllocationNoticePublishedOnItsDueDateIsNotLate() {
            appropriatedOnMonday();
            projection().on(allocationNotice(Instant.parse("2016-05-23T09:00:00Z"), APPROPRIATION), 0);

            assertThat(queries().handle(new FindNoticeQuery("NTC-2016-0010")).orElseThrow().lateByWorkingDays())
                    .isZero();
        }

        @Test
        void anAllocationNoticePublishedAWeekAfterItsDueDateIsFiveWorkingDaysLate() {
            appropriatedOnMonday();
            projection().on(allocationNotice(Instant.parse("2016-05-30T02:00:00Z"), APPROPRIATION), 0);

            assertThat(queries().handle(new FindNoticeQuery("NTC-2016-0010")).orElseThrow().lateByWorkingDays())
                    .isEqualTo(5);
        }

        @Test
        void configuredHolidaysMoveTheDueDate() {
            appropriatedOnMonday();
            projection().on(allocationNotice(Instant.parse("2016-05-30T02:00:00Z"), APPROPRIATION), 0);
            NoticeQueries withHolidays = new NoticeQueries(notices, objections, appropriations, new WorkingCalendar(
                    Set.copyOf(NoticeQueries.dates(List.of("2016-05-03", " 2016-05-04 "))), Set.of()));

            assertThat(withHolidays.handle(new FindNoticeQuery("NTC-2016-0010")).orElseThrow().lateByWorkingDays())
                    .isEqualTo(3);
        }

        @Test
        void otherNoticesAndUnknownAppropriationsHaveNoDueDate() {
            appropriatedOnMonday();
            projection().on(allocationNotice(Instant.parse("2016-07-01T02:00:00Z"), "APPR-UNKNOWN"), 0);
            projection().on(published(content(NOTICE, NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, VILLAGE, null,
                    APPROPRIATION), Instant.parse("2016-07-01T02:00:00Z")), 0);

            assertThat(queries().handle(new FindNoticeQuery("NTC-2016-0010")).orElseThrow().lateByWorkingDays())
                    .isZero();
            assertThat(queries().handle(new FindNoticeQuery(NOTICE)).orElseThrow().lateByWorkingDays()).isZero();
        }
    }

    @Test
    void aResetForgetsEverythingTheGroupOwns() {
        feedGrantListWithObjections();
        new Lateness().appropriatedOnMonday();

        projection().reset();

        assertThat(notices.count()).isZero();
        assertThat(objections.count()).isZero();
        assertThat(appropriations.count()).isZero();
    }
}
