package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.command.MutableClock;
import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disclosure.AutomaticNoticeSeries;
import cn.fupin.ledger.shared.disclosure.DismissObjectionsAsDuplicatesCommand;
import cn.fupin.ledger.shared.disclosure.EndNoticePeriodCommand;
import cn.fupin.ledger.shared.disclosure.FileObjectionCommand;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeId;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePeriodEndedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.disclosure.NoticeSupersededEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionDismissedAsDuplicateEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionId;
import cn.fupin.ledger.shared.disclosure.ObjectionResolution;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.disclosure.PublishNoticeCommand;
import cn.fupin.ledger.shared.disclosure.ResolveObjectionCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.invalidField;
import static cn.fupin.ledger.command.Refusals.invalidNaming;
import static cn.fupin.ledger.command.Refusals.refusal;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.APPROVER;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.AUDITOR;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.CLERK;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.JINSUI;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.grantList;
import static cn.fupin.ledger.command.disclosure.NoticeSamples.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice on its own, with the handlers that publish it, take objections and resolve them, on a clock the test
 * moves. Published at 10:00 on 4 May 2016 in Cangxi (02:00 UTC) for ten days, it runs until the end of 14 May.
 * A correction, which records two notices at once, is shown in {@code NoticeLedgerTest}.
 */
class NoticeTest {

    static final String NOTICE = "NTC-2016-0001";
    static final String GRANT_1 = "DSB-2016-0001";
    static final String GRANT_2 = "DSB-2016-0002";
    static final Instant PUBLISHED_AT = Instant.parse("2016-05-04T02:00:00Z");
    /** Midnight at the end of 14 May 2016, China Standard Time. */
    static final Instant PERIOD_ENDS_AT = Instant.parse("2016-05-14T16:00:00Z");
    static final Gazetteer CANGXI = Gazetteer.forCounty("510824");
    static final PersonalDataCipher CIPHER = new PersonalDataCipher(new byte[32]);
    static final AtomicInteger DATABASES = new AtomicInteger();

    FixtureConfiguration<Notice> fixture;
    MutableClock clock;
    NoticeItems noticeItems;
    List<String> withdrawn;

    @BeforeEach
    void fixture() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:notices-" + DATABASES.incrementAndGet() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        NoticeHandlers.createTables(dataSource);
        noticeItems = new NoticeItems(new NamedParameterJdbcTemplate(dataSource));
        clock = new MutableClock(PUBLISHED_AT);
        withdrawn = new ArrayList<>();
        AggregateTestFixture<Notice> aggregate = new AggregateTestFixture<>(Notice.class);
        Set<String> payments = Set.of(GRANT_1, GRANT_2, "PRJ-2016-0001");
        Notices notices = new Notices(aggregate::getRepository, id -> payments.contains(id) || given(aggregate, id));
        aggregate.registerInjectableResource(clock);
        aggregate.registerAnnotatedCommandHandler(new NoticePublisher(notices, noticeItems, new DisclosurePolicy(10),
                CANGXI, clock));
        aggregate.registerAnnotatedCommandHandler(new ObjectionFiler(notices, noticeItems, CIPHER, clock));
        aggregate.registerAnnotatedCommandHandler(new ObjectionDismisser(notices));
        aggregate.registerAnnotatedCommandHandler(new ObjectionResolver(notices, (item, reason, officer) -> {
            withdrawn.add(item + " " + reason + " " + officer.username());
            return List.of(item);
        }));
        fixture = aggregate;
    }

    /** Whether the fixture holds events of the aggregate (its event store refuses to read an unknown one). */
    static boolean given(AggregateTestFixture<Notice> fixture, String id) {
        try {
            return fixture.getEventStore().readEvents(id).hasNext();
        } catch (org.axonframework.modelling.command.AggregateNotFoundException e) {
            return false;
        }
    }

    /** The grant list of both grants as the ledger publishes it: with its id and its period filled in. */
    static NoticeContent published(LocalDate firstDay, LocalDate lastDay) {
        NoticeContent given = grantList(GRANT_1, GRANT_2);
        return new NoticeContent(NOTICE, given.kind(), given.level(), given.placeCode(), given.placeName(),
                given.title(), given.body(), given.fields(), given.columns(), given.rows(), firstDay, lastDay, null,
                null, given.supervisionPhone(), given.hotline());
    }

    static NoticePublishedEvent publishedEvent() {
        NoticeContent content = published(LocalDate.of(2016, 5, 4), LocalDate.of(2016, 5, 14));
        return NoticePublishedEvent.of(content, List.of(GRANT_1, GRANT_2), PUBLISHED_AT, PERIOD_ENDS_AT, "clerk");
    }

    static PublishNoticeCommand publishGrants(int periodDays) {
        return publish(NOTICE, grantList(GRANT_1, GRANT_2), periodDays);
    }

    static FileObjectionCommand objection(String objectionId, String item, String text, String contact) {
        return new FileObjectionCommand(new NoticeId(NOTICE), new ObjectionId(objectionId), item, text, contact);
    }

    static ObjectionFiledEvent filed(String objectionId, String item, Instant at) {
        return new ObjectionFiledEvent(NOTICE, objectionId, item, "王某某已外出务工多年，不应享受", null, at);
    }

    static ResolveObjectionCommand resolution(String objectionId, ObjectionResolution outcome, Actor officer) {
        return new ResolveObjectionCommand(new NoticeId(NOTICE), new ObjectionId(objectionId), outcome,
                "经入户核实", officer);
    }

    @Nested
    class Publishing {

        @Test
        void aNoticeIsPublishedWithItsContentItsHashAndAPeriodEndingAtMidnightAfterItsLastDay() {
            fixture.givenNoPriorActivity()
                    .when(publishGrants(10))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(publishedEvent());
            assertThat(noticeItems.lockNoticesListing(List.of(GRANT_1, GRANT_2))).containsExactly(NOTICE);
        }

        @Test
        void theDayOfPublicationIsThatOfCangxiNotOfGreenwich() {
            // 00:30 on 5 May in Cangxi is still 4 May in UTC: the period counts from 5 May and ends after 15 May.
            clock.set(Instant.parse("2016-05-04T16:30:00Z"));
            fixture.givenNoPriorActivity()
                    .when(publishGrants(10))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(publishedWithPeriod(LocalDate.of(2016, 5, 5), LocalDate.of(2016, 5, 15),
                            Instant.parse("2016-05-15T16:00:00Z")));
        }

        @Test
        void aLongerPeriodThanTheMinimumIsTaken() {
            fixture.givenNoPriorActivity()
                    .when(publishGrants(30))
                    .expectEventsMatching(publishedWithPeriod(LocalDate.of(2016, 5, 4), LocalDate.of(2016, 6, 3),
                            Instant.parse("2016-06-03T16:00:00Z")));
        }

        @Test
        void aPeriodShorterThanTenDaysIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(publishGrants(9))
                    .expectException(invalidNaming("NOTICE_INVALID", "PERIOD_TOO_SHORT"))
                    .expectNoEvents();
            assertThat(noticeItems.lockNoticesListing(List.of(GRANT_1))).isEmpty();
        }

        @Test
        void theItemsOfANoticeAreExactlyThoseOfItsRows() {
            fixture.givenNoPriorActivity()
                    .when(new PublishNoticeCommand(new NoticeId(NOTICE), grantList(GRANT_1, GRANT_2), List.of(GRANT_1),
                            10, CLERK))
                    .expectException(invalidNaming("NOTICE_INVALID", "ITEMS_NOT_ROWS"))
                    .expectNoEvents();
        }

        @Test
        void aPaymentThatDoesNotExistCannotBeListed() {
            fixture.givenNoPriorActivity()
                    .when(publish(NOTICE, grantList(GRANT_1, "DSB-2016-9999"), 10))
                    .expectException(invalidNaming("NOTICE_INVALID", "ITEM_UNKNOWN"))
                    .expectNoEvents();
        }

        @Test
        void aNoticeWithoutTitleKindPlaceOrHotlineIsRefusedNamingEach() {
            NoticeContent bare = new NoticeContent(null, null, NoticeLevel.VILLAGE, "510824999999", "金穗社区", " ",
                    null, List.of(), List.of(), List.of(), null, null, null, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(new PublishNoticeCommand(new NoticeId(NOTICE), bare, List.of(), 10, CLERK))
                    .expectException(allOf(invalidNaming("NOTICE_INVALID", "KIND_REQUIRED"),
                            invalidNaming("NOTICE_INVALID", "TITLE_REQUIRED"),
                            invalidNaming("NOTICE_INVALID", "PLACE_UNKNOWN"),
                            invalidNaming("NOTICE_INVALID", "HOTLINE_REQUIRED")))
                    .expectNoEvents();
        }

        @Test
        void aNoticeHoldingAnIdNumberOrABankCardIsNeverPublished() {
            NoticeContent withId = NoticeSamples.listing(NoticeKind.GRANT_LIST, "公示 51082419500101001X", GRANT_1);
            NoticeContent id = new NoticeContent(null, withId.kind(), withId.level(), withId.placeCode(),
                    withId.placeName(), "到户资金公示", "户主身份证号" + validIdNumber(), withId.fields(),
                    withId.columns(), withId.rows(), null, null, null, null, null, NoticeContent.HOTLINE);
            fixture.givenNoPriorActivity()
                    .when(publish(NOTICE, id, 10))
                    .expectException(invalidNaming("NOTICE_INVALID", "PERSONAL_NUMBER_IN_NOTICE"))
                    .expectNoEvents();
            assertThat(NoticeContents.containsPersonalNumber("卡号 6217 9900 0000 0000 0")).isFalse();
            assertThat(NoticeContents.containsPersonalNumber("卡号 " + luhnValid("621799000000000001"))).isTrue();
            assertThat(NoticeContents.containsPersonalNumber("凭证 苍扶贫付〔2016〕12号，金额 3000.00 元")).isFalse();
            // A record id's UUID whose digit groups join into a Luhn-valid 16 digits (1234567812343568) is not a card;
            // the same digits on their own are.
            assertThat(NoticeContents.containsPersonalNumber("DSB-12345678-1234-3568-abcd-ef0123456789")).isFalse();
            assertThat(NoticeContents.containsPersonalNumber("卡号 1234-5678-1234-3568")).isTrue();
        }

        @Test
        void theLedgerNotThePublisherSetsThePeriod() {
            NoticeContent given = grantList(GRANT_1);
            NoticeContent withPeriod = new NoticeContent(null, given.kind(), given.level(), given.placeCode(),
                    given.placeName(), given.title(), given.body(), given.fields(), given.columns(), given.rows(),
                    LocalDate.of(2016, 5, 4), LocalDate.of(2016, 5, 8), null, null, given.supervisionPhone(),
                    given.hotline());
            fixture.givenNoPriorActivity()
                    .when(publish(NOTICE, withPeriod, 10))
                    .expectException(invalidNaming("NOTICE_INVALID", "PERIOD_SET_BY_LEDGER"))
                    .expectNoEvents();
        }

        @Test
        void aNoticeIdIsPublishedOnce() {
            fixture.given(publishedEvent())
                    .when(publishGrants(10))
                    .expectException(conflict("NOTICE_EXISTS"))
                    .expectNoEvents();
        }

        @Test
        void aNoticeCorrectedOnceIsNotCorrectedAgain() {
            fixture.given(publishedEvent(), new NoticeSupersededEvent(NOTICE, "NTC-2016-0002", "第一次更正"))
                    .when(publish("NTC-2016-0003", NoticeSamples.correcting(grantList(GRANT_1), NOTICE, "再次更正"), 10))
                    .expectException(conflict("NOTICE_ALREADY_SUPERSEDED"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionIsPublishedWhereTheNoticeItCorrectsWas() {
            NoticeContent elsewhere = NoticeSamples.correcting(grantList(GRANT_1), NOTICE, "更正");
            NoticeContent otherVillage = new NoticeContent(null, elsewhere.kind(), elsewhere.level(), "510824100002",
                    "江南社区", elsewhere.title(), elsewhere.body(), elsewhere.fields(), elsewhere.columns(),
                    elsewhere.rows(), null, null, NOTICE, "更正", elsewhere.supervisionPhone(), elsewhere.hotline());
            fixture.given(publishedEvent())
                    .when(publish("NTC-2016-0002", otherVillage, 10))
                    .expectException(invalidField("CORRECTION_PLACE_MISMATCH", "placeCode"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionNamesItsReasonAndANoticeThatExists() {
            fixture.givenNoPriorActivity()
                    .when(publish("NTC-2016-0002", NoticeSamples.correcting(grantList(GRANT_1), "NTC-2016-0404", "更正"),
                            10))
                    .expectException(invalidField("SUPERSEDED_NOTICE_NOT_FOUND", "supersedes"))
                    .expectNoEvents();
            fixture.given(publishedEvent())
                    .when(publish("NTC-2016-0002", NoticeSamples.correcting(grantList(GRANT_1), NOTICE, " "), 10))
                    .expectException(invalidNaming("NOTICE_INVALID", "CORRECTION_REASON_REQUIRED"))
                    .expectNoEvents();
        }
    }

    /**
     * The ids of the automatic notices are fixed by the facts that call for them; a notice published under one first
     * would make the publisher take the real one as published (NOTICE_EXISTS). Those ids are the publisher's alone.
     */
    @Nested
    class ReservedIds {

        static final String BATCH_LIST = "NTC-GL-GB-2016-0001-" + JINSUI;

        @Test
        void aClerkIsRefusedEveryIdOfTheAutomaticPublishersSeries() {
            for (AutomaticNoticeSeries series : AutomaticNoticeSeries.values()) {
                fixture.givenNoPriorActivity()
                        .when(publish(series.prefix() + "PRJ-2016-0001", grantList(GRANT_1), 10))
                        .expectException(invalidField("NOTICE_ID_RESERVED", "noticeId"))
                        .expectNoEvents();
            }
            assertThat(noticeItems.lockNoticesListing(List.of(GRANT_1))).isEmpty();
        }

        @Test
        void theSeriesIsReservedWhateverTheCaseOfTheId() {
            // MariaDB compares aggregate ids without regard to case: NTC-gl-… would take the place of NTC-GL-….
            fixture.givenNoPriorActivity()
                    .when(publish("NTC-gl-GB-2016-0001-" + JINSUI, grantList(GRANT_1), 10))
                    .expectException(invalidField("NOTICE_ID_RESERVED", "noticeId"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(publish("NTC-Pp-PRJ-2016-0001", grantList(GRANT_1), 10))
                    .expectException(invalidField("NOTICE_ID_RESERVED", "noticeId"))
                    .expectNoEvents();
        }

        @Test
        void anotherSystemProcessIsRefusedTheSeriesToo() {
            fixture.givenNoPriorActivity()
                    .when(new PublishNoticeCommand(new NoticeId(BATCH_LIST), grantList(GRANT_1), List.of(GRANT_1), 10,
                            Actor.of("system:demo-loader", "SYSTEM")))
                    .expectException(invalidField("NOTICE_ID_RESERVED", "noticeId"))
                    .expectNoEvents();
        }

        @Test
        void theAutomaticPublisherPublishesUnderItsOwnIds() {
            fixture.givenNoPriorActivity()
                    .when(new PublishNoticeCommand(new NoticeId(BATCH_LIST), grantList(GRANT_1), List.of(GRANT_1), 10,
                            AutomaticNoticeSeries.PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events(list -> list.size() == 1
                            && list.get(0) instanceof NoticePublishedEvent published
                            && published.noticeId().equals(BATCH_LIST)
                            && published.publishedBy().equals("system:disclosure-publisher"),
                            "the publisher's notice under its id"));
        }

        @Test
        void aHandMadeNoticeWithoutAnIdGetsOneFromTheLedgerOutsideTheSeries() {
            fixture.givenNoPriorActivity()
                    .when(new PublishNoticeCommand(null, grantList(GRANT_1), List.of(GRANT_1), 10, CLERK))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events(list -> list.size() == 1
                            && list.get(0) instanceof NoticePublishedEvent published
                            && NoticeId.isValid(published.noticeId())
                            && !new NoticeId(published.noticeId()).isReservedForPublisher()
                            && published.content().noticeId().equals(published.noticeId()),
                            "a notice under an id of the ledger's, outside the publisher's series"));
        }

        @Test
        void aClerkMayStillNameAnIdOutsideTheSeries() {
            fixture.givenNoPriorActivity()
                    .when(publish("NTC-GLX-2016-0001", grantList(GRANT_1), 10))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Objections {

        @BeforeEach
        void listed() {
            noticeItems.register(NOTICE, List.of(GRANT_1, GRANT_2));
        }

        @Test
        void anObjectionDuringThePeriodIsRecordedWithItsContactEncrypted() {
            clock.advance(Duration.ofDays(3));
            fixture.given(publishedEvent())
                    .when(objection("OBJ-1", GRANT_1, "  王某某已外出务工多年，不应享受  ", "13800000000"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(objectionWithSealedContact("13800000000"));
        }

        @Test
        void anObjectionInTheLastMinuteOfTheLastDayIsTaken() {
            clock.set(PERIOD_ENDS_AT.minusSeconds(60));
            fixture.given(publishedEvent())
                    .when(objection("OBJ-1", GRANT_1, "异议", null))
                    .expectEvents(new ObjectionFiledEvent(NOTICE, "OBJ-1", GRANT_1, "异议", null,
                            PERIOD_ENDS_AT.minusSeconds(60)));
        }

        @Test
        void anObjectionAfterThePeriodIsRefused() {
            clock.set(PERIOD_ENDS_AT);
            fixture.given(publishedEvent())
                    .when(objection("OBJ-1", GRANT_1, "异议", null))
                    .expectException(conflict("OBJECTION_PERIOD_ENDED"))
                    .expectNoEvents();
        }

        @Test
        void anObjectionToAnItemTheNoticeDoesNotListIsRefused() {
            fixture.given(publishedEvent())
                    .when(objection("OBJ-1", "DSB-2016-0003", "异议", null))
                    .expectException(invalidField("ITEM_NOT_LISTED", "item"))
                    .expectNoEvents();
        }

        @Test
        void anObjectionToANoticeThatDoesNotExistIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(objection("OBJ-1", GRANT_1, "异议", null))
                    .expectException(refusal(RefusalKind.NOT_FOUND, "NOTICE_NOT_FOUND"))
                    .expectNoEvents();
        }

        @Test
        void anObjectionHasTextOfAtMostTwoThousandCharactersAndAShortContact() {
            fixture.given(publishedEvent())
                    .when(objection("OBJ-1", GRANT_1, " ", null))
                    .expectException(invalidNaming("OBJECTION_INVALID", "TEXT_REQUIRED"))
                    .expectNoEvents();
            fixture.given(publishedEvent())
                    .when(objection("OBJ-1", GRANT_1, "异".repeat(2_001), null))
                    .expectException(invalidNaming("OBJECTION_INVALID", "TEXT_TOO_LONG"))
                    .expectNoEvents();
            fixture.given(publishedEvent())
                    .when(objection("OBJ-1", GRANT_1, "异".repeat(2_000), "1".repeat(101)))
                    .expectException(invalidNaming("OBJECTION_INVALID", "CONTACT_INVALID"))
                    .expectNoEvents();
        }

        @Test
        void aSupersededNoticeTakesNoObjectionsItsCorrectionDoes() {
            fixture.given(publishedEvent(), new NoticeSupersededEvent(NOTICE, "NTC-2016-0002", "更正"))
                    .when(objection("OBJ-1", GRANT_1, "异议", null))
                    .expectException(conflict("NOTICE_SUPERSEDED"))
                    .expectNoEvents();
        }

        @Test
        void anObjectionIsReceivedOnce() {
            fixture.given(publishedEvent(), filed("OBJ-1", GRANT_1, PUBLISHED_AT.plusSeconds(60)))
                    .when(objection("OBJ-1", GRANT_2, "异议", null))
                    .expectException(conflict("OBJECTION_EXISTS"))
                    .expectNoEvents();
        }

        @Test
        void aNoticeTakesAtMostOneThousandObjections() {
            List<Object> history = new ArrayList<>();
            history.add(publishedEvent());
            for (int i = 0; i < Notice.OBJECTIONS_MAX; i++) {
                history.add(filed("OBJ-" + i, GRANT_1, PUBLISHED_AT.plusSeconds(i)));
            }
            fixture.given(history)
                    .when(objection("OBJ-LAST", GRANT_2, "异议", null))
                    .expectException(conflict("OBJECTIONS_LIMIT_REACHED"))
                    .expectNoEvents();
        }

        @Test
        void theCommandNeverShowsTheContactInItsText() {
            assertThat(objection("OBJ-1", GRANT_1, "异议", "13800000000").toString()).doesNotContain("13800000000");
        }
    }

    @Nested
    class Resolutions {

        @Test
        void aDismissedObjectionIsResolvedWithItsReasonAndWithdrawsNothing() {
            fixture.given(publishedEvent(), filed("OBJ-1", GRANT_1, PUBLISHED_AT.plusSeconds(60)))
                    .when(resolution("OBJ-1", ObjectionResolution.DISMISSED, APPROVER))
                    .expectEvents(new ObjectionResolvedEvent(NOTICE, "OBJ-1", GRANT_1, ObjectionResolution.DISMISSED,
                            "经入户核实", "approver", false));
            assertThat(withdrawn).isEmpty();
        }

        @Test
        void anUpheldObjectionWithdrawsItsItemAndACorrectionIsDue() {
            fixture.given(publishedEvent(), filed("OBJ-1", GRANT_1, PUBLISHED_AT.plusSeconds(60)))
                    .when(resolution("OBJ-1", ObjectionResolution.UPHELD, AUDITOR))
                    .expectEvents(new ObjectionResolvedEvent(NOTICE, "OBJ-1", GRANT_1, ObjectionResolution.UPHELD,
                            "经入户核实", "auditor", true));
            assertThat(withdrawn).containsExactly(GRANT_1 + " 异议成立：经入户核实 auditor");
        }

        @Test
        void anObjectionIsResolvedOnce() {
            fixture.given(publishedEvent(), filed("OBJ-1", GRANT_1, PUBLISHED_AT.plusSeconds(60)),
                            new ObjectionResolvedEvent(NOTICE, "OBJ-1", GRANT_1, ObjectionResolution.DISMISSED, "核实",
                                    "approver", false))
                    .when(resolution("OBJ-1", ObjectionResolution.UPHELD, AUDITOR))
                    .expectException(conflict("OBJECTION_ALREADY_RESOLVED"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownObjectionIsNotFound() {
            fixture.given(publishedEvent())
                    .when(resolution("OBJ-9", ObjectionResolution.DISMISSED, APPROVER))
                    .expectException(refusal(RefusalKind.NOT_FOUND, "OBJECTION_NOT_FOUND"))
                    .expectNoEvents();
        }

        @Test
        void aResolutionGivesAReasonAndAnOutcome() {
            fixture.given(publishedEvent(), filed("OBJ-1", GRANT_1, PUBLISHED_AT.plusSeconds(60)))
                    .when(new ResolveObjectionCommand(new NoticeId(NOTICE), new ObjectionId("OBJ-1"),
                            ObjectionResolution.DISMISSED, "  ", APPROVER))
                    .expectException(invalidField("REASON_REQUIRED", "reason"))
                    .expectNoEvents();
            fixture.given(publishedEvent(), filed("OBJ-1", GRANT_1, PUBLISHED_AT.plusSeconds(60)))
                    .when(new ResolveObjectionCommand(new NoticeId(NOTICE), new ObjectionId("OBJ-1"), null, "核实",
                            APPROVER))
                    .expectException(invalidField("OUTCOME_REQUIRED", "outcome"))
                    .expectNoEvents();
        }

        @Test
        void onlyAnApproverOrAnAuditorResolves() {
            fixture.given(publishedEvent(), filed("OBJ-1", GRANT_1, PUBLISHED_AT.plusSeconds(60)))
                    .when(resolution("OBJ-1", ObjectionResolution.DISMISSED, CLERK))
                    .expectException(refusal(RefusalKind.FORBIDDEN, "NOT_AN_OFFICER"))
                    .expectNoEvents();
        }
    }

    /** A flood of objections must not freeze a county: officers dismiss many as duplicates of one, all or none. */
    @Nested
    class DuplicateDismissals {

        static DismissObjectionsAsDuplicatesCommand dismissal(String duplicateOf, List<String> objectionIds,
                                                               Actor officer) {
            return new DismissObjectionsAsDuplicatesCommand(new NoticeId(NOTICE), new ObjectionId(duplicateOf),
                    objectionIds.stream().map(ObjectionId::new).toList(), "内容与OBJ-1相同，已合并办理", officer);
        }

        static Object[] flood(int objections) {
            List<Object> events = new ArrayList<>();
            events.add(publishedEvent());
            for (int i = 1; i <= objections; i++) {
                events.add(filed("OBJ-" + i, i % 2 == 0 ? GRANT_2 : GRANT_1, PUBLISHED_AT.plusSeconds(i)));
            }
            return events.toArray();
        }

        @Test
        void eachObjectionDismissedIsRecordedNamingTheOriginalAndTheOriginalIsLeftAsItIs() {
            fixture.given(flood(3))
                    .when(dismissal("OBJ-1", List.of("OBJ-2", "OBJ-3"), APPROVER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new ObjectionDismissedAsDuplicateEvent(NOTICE, "OBJ-2", GRANT_2, "OBJ-1",
                                    "内容与OBJ-1相同，已合并办理", "approver"),
                            new ObjectionDismissedAsDuplicateEvent(NOTICE, "OBJ-3", GRANT_1, "OBJ-1",
                                    "内容与OBJ-1相同，已合并办理", "approver"));
        }

        @Test
        void aThousandAreDismissedInOneCommand() {
            List<String> duplicates = java.util.stream.IntStream.rangeClosed(2, 1000).mapToObj(i -> "OBJ-" + i)
                    .toList();
            fixture.given(flood(1000))
                    .when(dismissal("OBJ-1", duplicates, AUDITOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events(list -> list.size() == 999 && list.stream().allMatch(event ->
                            event instanceof ObjectionDismissedAsDuplicateEvent dismissed
                                    && dismissed.duplicateOf().equals("OBJ-1")
                                    && dismissed.resolvedBy().equals("auditor")), "999 dismissals naming OBJ-1"));
        }

        @Test
        void moreThanAThousandAtOnceAreRefused() {
            List<String> many = java.util.stream.IntStream.rangeClosed(2, 1002).mapToObj(i -> "OBJ-" + i).toList();
            fixture.given(flood(3))
                    .when(dismissal("OBJ-1", many, APPROVER))
                    .expectException(invalidField("TOO_MANY_OBJECTIONS", "objectionIds"))
                    .expectNoEvents();
        }

        @Test
        void oneUnknownOrRepeatedOrTheOriginalItselfRefusesThemAllNamingEach() {
            fixture.given(flood(3))
                    .when(dismissal("OBJ-1", List.of("OBJ-2", "OBJ-9", "OBJ-2", "OBJ-1"), APPROVER))
                    .expectException(invalidNaming("DISMISSAL_INVALID", "OBJECTION_NOT_FOUND"))
                    .expectException(invalidNaming("DISMISSAL_INVALID", "LISTED_TWICE"))
                    .expectException(invalidNaming("DISMISSAL_INVALID", "DUPLICATE_OF_ITSELF"))
                    .expectNoEvents();
            fixture.given(flood(3))
                    .when(dismissal("OBJ-7", List.of("OBJ-2"), APPROVER))
                    .expectException(invalidNaming("DISMISSAL_INVALID", "OBJECTION_NOT_FOUND"))
                    .expectNoEvents();
        }

        @Test
        void oneResolvedAlreadyRefusesThemAll() {
            List<Object> given = new ArrayList<>(List.of(flood(3)));
            given.add(new ObjectionResolvedEvent(NOTICE, "OBJ-3", GRANT_1, ObjectionResolution.DISMISSED, "核实",
                    "approver", false));
            fixture.given(given.toArray())
                    .when(dismissal("OBJ-1", List.of("OBJ-2", "OBJ-3"), APPROVER))
                    .expectException(conflict("OBJECTION_ALREADY_RESOLVED"))
                    .expectNoEvents();
        }

        @Test
        void theOriginalIsNoDuplicateItselfAndADismissedOneIsNotDismissedAgain() {
            List<Object> given = new ArrayList<>(List.of(flood(3)));
            given.add(new ObjectionDismissedAsDuplicateEvent(NOTICE, "OBJ-2", GRANT_2, "OBJ-1", "重复", "approver"));
            fixture.given(given.toArray())
                    .when(dismissal("OBJ-2", List.of("OBJ-3"), APPROVER))
                    .expectException(invalidNaming("DISMISSAL_INVALID", "DUPLICATE_OF_DUPLICATE"))
                    .expectNoEvents();
            fixture.given(given.toArray())
                    .when(dismissal("OBJ-1", List.of("OBJ-2"), APPROVER))
                    .expectException(conflict("OBJECTION_ALREADY_RESOLVED"))
                    .expectNoEvents();
        }

        @Test
        void aDismissalGivesAReasonAndIsAnOfficersAct() {
            fixture.given(flood(2))
                    .when(new DismissObjectionsAsDuplicatesCommand(new NoticeId(NOTICE), new ObjectionId("OBJ-1"),
                            List.of(new ObjectionId("OBJ-2")), " ", APPROVER))
                    .expectException(invalidField("REASON_REQUIRED", "reason"))
                    .expectNoEvents();
            fixture.given(flood(2))
                    .when(dismissal("OBJ-1", List.of("OBJ-2"), CLERK))
                    .expectException(refusal(RefusalKind.FORBIDDEN, "NOT_AN_OFFICER"))
                    .expectNoEvents();
            fixture.given(flood(2))
                    .when(new DismissObjectionsAsDuplicatesCommand(new NoticeId(NOTICE), new ObjectionId("OBJ-1"),
                            List.of(), "重复", APPROVER))
                    .expectException(invalidField("OBJECTION_IDS_REQUIRED", "objectionIds"))
                    .expectNoEvents();
        }
    }

    @Nested
    class PeriodEnd {

        @Test
        void theEndOfThePeriodIsRecordedOnceTheClockHasReachedIt() {
            clock.set(PERIOD_ENDS_AT);
            fixture.given(publishedEvent())
                    .when(new EndNoticePeriodCommand(new NoticeId(NOTICE)))
                    .expectEvents(new NoticePeriodEndedEvent(NOTICE, PERIOD_ENDS_AT));
        }

        @Test
        void aDeadlineFiringEarlyIsRefusedAndTriedAgain() {
            clock.set(PERIOD_ENDS_AT.minusSeconds(1));
            fixture.given(publishedEvent())
                    .when(new EndNoticePeriodCommand(new NoticeId(NOTICE)))
                    .expectException(conflict("PERIOD_NOT_ENDED"))
                    .expectNoEvents();
        }

        @Test
        void aRepeatedEndRecordsNothing() {
            clock.set(PERIOD_ENDS_AT.plusSeconds(3600));
            fixture.given(publishedEvent(), new NoticePeriodEndedEvent(NOTICE, PERIOD_ENDS_AT))
                    .when(new EndNoticePeriodCommand(new NoticeId(NOTICE)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    // ---- matchers and numbers ----

    static Matcher<List<? super org.axonframework.eventhandling.EventMessage<?>>> publishedWithPeriod(
            LocalDate firstDay, LocalDate lastDay, Instant endsAt) {
        return events(list -> {
            if (list.size() != 1 || !(list.get(0) instanceof NoticePublishedEvent event)) {
                return false;
            }
            return event.content().periodStart().equals(firstDay) && event.content().periodEnd().equals(lastDay)
                    && event.periodEndsAt().equals(endsAt)
                    && event.contentSha256().equals(NoticeJson.sha256(event.content()))
                    && Arrays.equals(event.contentBytes(), NoticeJson.render(event.content()))
                    && event.kindName().equals(event.kind().chineseName())
                    && event.levelName().equals(event.level().chineseName());
        }, "one publication with the period " + firstDay + " to " + lastDay + " ending at " + endsAt);
    }

    static Matcher<List<? super org.axonframework.eventhandling.EventMessage<?>>> objectionWithSealedContact(
            String contact) {
        return events(list -> list.size() == 1 && list.get(0) instanceof ObjectionFiledEvent filed
                && filed.text().equals("王某某已外出务工多年，不应享受")
                && filed.filedAt().equals(PUBLISHED_AT.plus(Duration.ofDays(3)))
                && !filed.contactCiphertext().contains(contact)
                && CIPHER.decrypt(filed.contactCiphertext(), "OBJ-1", ObjectionFiler.CONTACT_FIELD).equals(contact),
                "one objection whose contact is sealed for it");
    }

    static Matcher<List<? super org.axonframework.eventhandling.EventMessage<?>>> events(
            java.util.function.Predicate<List<Object>> condition, String description) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(List<? super org.axonframework.eventhandling.EventMessage<?>> messages,
                                            Description mismatch) {
                List<Object> payloads = messages.stream()
                        .map(m -> ((org.axonframework.eventhandling.EventMessage<?>) m).getPayload())
                        .map(Object.class::cast).toList();
                mismatch.appendText("were ").appendValue(payloads);
                return condition.test(payloads);
            }

            @Override
            public void describeTo(Description text) {
                text.appendText(description);
            }
        };
    }

    @SafeVarargs
    static Matcher<Throwable> allOf(Matcher<Throwable>... matchers) {
        return org.hamcrest.Matchers.allOf(matchers);
    }

    static String validIdNumber() {
        String first17 = "51082419500101001";
        return first17 + cn.fupin.ledger.shared.household.IdNumber.checkCharacter(first17);
    }

    static String luhnValid(String prefix) {
        for (int check = 0; check <= 9; check++) {
            if (cn.fupin.ledger.shared.household.BankCardNumber.luhnValid(prefix + check)) {
                return prefix + check;
            }
        }
        throw new IllegalStateException("no Luhn digit fits");
    }
}
