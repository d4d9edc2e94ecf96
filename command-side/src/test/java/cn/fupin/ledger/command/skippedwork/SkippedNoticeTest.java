package cn.fupin.ledger.command.skippedwork;

import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.common.RefusalKind;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.disclosure.RecordNoticeRetryCommand;
import cn.fupin.ledger.shared.disclosure.RecordNoticeSkipCommand;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.refusal;

class SkippedNoticeTest {

    static final String NOTICE = "NTC-PP-PRJ-510824-0042";
    static final Actor AUDITOR = Actor.of("auditor", "AUDITOR");

    FixtureConfiguration<SkippedNotice> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(SkippedNotice.class);
    }

    private static RecordNoticeSkipCommand skip(String causeEventId) {
        return new RecordNoticeSkipCommand(NOTICE, NoticeKind.PROJECT_PLAN, causeEventId, "ProjectApprovedEvent",
                "PRJ-510824-0042", 1, "NOTICE_INVALID", "the notice was not published: 1 problem(s)",
                List.of("title PERSONAL_NUMBER_IN_NOTICE"));
    }

    private static NoticePublicationSkippedEvent skipped(String causeEventId) {
        return new NoticePublicationSkippedEvent(NOTICE, NoticeKind.PROJECT_PLAN, causeEventId,
                "ProjectApprovedEvent", "PRJ-510824-0042", 1, "NOTICE_INVALID",
                "the notice was not published: 1 problem(s)", List.of("title PERSONAL_NUMBER_IN_NOTICE"));
    }

    @Test
    void aSkippedNoticeIsRecordedInItsOwnStream() {
        fixture.givenNoPriorActivity()
                .when(skip("E-1"))
                .expectEvents(skipped("E-1"));
    }

    @Test
    void theSameCauseSkippedAgainRecordsNothingMore() {
        fixture.given(skipped("E-1"))
                .when(skip("E-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherCauseOfTheSameNoticeIsRecordedToo() {
        fixture.given(skipped("E-1"))
                .when(skip("E-2"))
                .expectEvents(skipped("E-2"));
    }

    @Test
    void aRetryIsRecordedWithItsOutcomeAndTheOfficer() {
        fixture.given(skipped("E-1"))
                .when(new RecordNoticeRetryCommand(NOTICE, false, "NOTICE_INVALID", AUDITOR, "req-1"))
                .expectEvents(new NoticePublicationRetriedEvent(NOTICE, false, "NOTICE_INVALID", "auditor", "AUDITOR",
                        "req-1"));
    }

    @Test
    void aPublishedRetryCarriesNoCode() {
        fixture.given(skipped("E-1"))
                .when(new RecordNoticeRetryCommand(NOTICE, true, "IGNORED", AUDITOR, "req-1"))
                .expectEvents(new NoticePublicationRetriedEvent(NOTICE, true, null, "auditor", "AUDITOR", "req-1"));
    }

    @Test
    void aRetryOfANoticeNeverSkippedIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RecordNoticeRetryCommand(NOTICE, false, "NOTICE_INVALID", AUDITOR, "req-1"))
                .expectNoEvents()
                .expectException(refusal(RefusalKind.NOT_FOUND, "SKIPPED_WORK_NOT_FOUND"));
    }

    @Test
    void aRetryAfterThePublicationIsRefused() {
        fixture.given(skipped("E-1"), new NoticePublicationRetriedEvent(NOTICE, true, null, "auditor", "AUDITOR",
                        "req-1"))
                .when(new RecordNoticeRetryCommand(NOTICE, true, null, AUDITOR, "req-2"))
                .expectNoEvents()
                .expectException(conflict("ALREADY_PUBLISHED"));
    }
}
