package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.query.audit.redflag.History.VILLAGE;
import static cn.fupin.ledger.query.audit.redflag.History.day;
import static org.assertj.core.api.Assertions.assertThat;

class PublicationSkippedRuleTest {

    static final String PLAN = "NTC-PP-PRJ-510824-0042";
    static final String ALLOCATION = "NTC-FA-APPR-510824-0007";

    private final History history = new History(new PublicationSkippedRule());

    private static NoticePublicationSkippedEvent skipped(String noticeId, NoticeKind kind, String causeEventId) {
        return new NoticePublicationSkippedEvent(noticeId, kind, causeEventId, "ProjectApprovedEvent",
                "PRJ-510824-0042", 1, "NOTICE_INVALID", "the notice was not published: 1 problem(s)",
                List.of("title PERSONAL_NUMBER_IN_NOTICE"));
    }

    private static NoticePublicationRetriedEvent retried(String noticeId, boolean published) {
        return new NoticePublicationRetriedEvent(noticeId, published, published ? null : "NOTICE_INVALID", "auditor",
                "AUDITOR", "req-1");
    }

    @Test
    void aSkippedPlanNotPublishedSinceIsAHighFindingAboutTheNoticeWithItsSkipsAndRefusedRetries() {
        String skip = history.at(1, skipped(PLAN, NoticeKind.PROJECT_PLAN, "C1"));
        String retry = history.at(3, retried(PLAN, false));

        assertThat(history.findingsOn(5)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("PUBLICATION_SKIPPED");
            assertThat(finding.id()).isEqualTo("PUBLICATION_SKIPPED/" + PLAN);
            assertThat(finding.subject()).isEqualTo(PLAN);
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.since()).isEqualTo(day(1));
            assertThat(finding.evidence()).containsExactly(skip, retry);
            assertThat(finding.summary()).contains(PLAN, "NOTICE_INVALID").doesNotContain("6217");
        });
    }

    @Test
    void aSkippedNoticeThatHoldsNoPaymentsIsMedium() {
        history.at(1, skipped(ALLOCATION, NoticeKind.FUND_ALLOCATION, "C2"));

        assertThat(history.findingsOn(2)).singleElement().extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aNoticePublishedSinceIsNoFinding() {
        history.at(1, skipped(PLAN, NoticeKind.PROJECT_PLAN, "C1"));
        history.at(2, History.notice(PLAN, NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, VILLAGE, List.of("PRJ-510824-0042"), 2, 12,
                null));

        assertThat(history.findingsOn(5)).isEmpty();
    }

    @Test
    void aRetryThatPublishedTheNoticeEndsTheFinding() {
        history.at(1, skipped(PLAN, NoticeKind.PROJECT_PLAN, "C1"));
        history.at(2, retried(PLAN, true));

        assertThat(history.findingsOn(5)).isEmpty();
    }

    @Test
    void noSkipNoFindingAndASkipLaterThanNowIsNotYetAFinding() {
        assertThat(history.findingsOn(5)).isEmpty();
        history.at(7, skipped(PLAN, NoticeKind.PROJECT_PLAN, "C1"));

        assertThat(history.findingsOn(5)).isEmpty();
    }
}
