package cn.fupin.ledger.query.audit.skippedwork;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePublicationRetriedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublicationSkippedEvent;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The skipped-work list from its events, redelivered too; the repository is a map. */
class SkippedWorkProjectionTest {

    static final String PLAN = "NTC-PP-PRJ-510824-0042";
    static final Instant AT = Instant.parse("2095-04-01T02:00:00Z");

    final Map<String, SkippedWorkEntity> rows = new HashMap<>();
    SkippedWorkProjection projection;

    @BeforeEach
    void projection() {
        SkippedWorkRepository repository = mock(SkippedWorkRepository.class);
        when(repository.findById(anyString())).thenAnswer(call -> Optional.ofNullable(rows.get(call.<String>getArgument(0))));
        when(repository.save(any())).thenAnswer(call -> {
            SkippedWorkEntity row = call.getArgument(0);
            rows.put(row.view().noticeId(), row);
            return row;
        });
        projection = new SkippedWorkProjection(repository);
    }

    private static NoticePublicationSkippedEvent skipped(String code) {
        return new NoticePublicationSkippedEvent(PLAN, NoticeKind.PROJECT_PLAN, "E-1", "ProjectApprovedEvent",
                "PRJ-510824-0042", 1, code, "the notice was not published: 2 problem(s)",
                List.of("title PERSONAL_NUMBER_IN_NOTICE", "body PERSONAL_NUMBER_IN_NOTICE"));
    }

    private SkippedWorkView row() {
        return rows.get(PLAN).view();
    }

    @Test
    void aSkipIsAnOpenRowWithItsCauseAndProblems() {
        projection.on(skipped("NOTICE_INVALID"), 0, AT);

        SkippedWorkView row = row();
        assertThat(row.status()).isEqualTo("OPEN");
        assertThat(row.kind()).isEqualTo("PROJECT_PLAN");
        assertThat(row.cause()).isEqualTo(new SkippedWorkView.Cause("E-1", "ProjectApprovedEvent", "PRJ-510824-0042",
                1));
        assertThat(row.problems()).containsExactly("title PERSONAL_NUMBER_IN_NOTICE", "body PERSONAL_NUMBER_IN_NOTICE");
        assertThat(row.skippedAt()).isEqualTo(AT);
        assertThat(row.retries()).isZero();
    }

    @Test
    void redeliveredSkipsAndRetriesCountOnce() {
        projection.on(skipped("NOTICE_INVALID"), 0, AT);
        projection.on(new NoticePublicationRetriedEvent(PLAN, false, "NOTICE_INVALID", "auditor", "AUDITOR", "r-1"), 1,
                AT.plusSeconds(60));
        projection.on(skipped("NOTICE_INVALID"), 0, AT.plusSeconds(120));
        projection.on(new NoticePublicationRetriedEvent(PLAN, false, "NOTICE_INVALID", "auditor", "AUDITOR", "r-1"), 1,
                AT.plusSeconds(180));

        SkippedWorkView row = row();
        assertThat(row.retries()).isEqualTo(1);
        assertThat(row.lastRetryAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(row.lastRetryBy()).isEqualTo("auditor");
        assertThat(row.skippedAt()).isEqualTo(AT);
        assertThat(row.status()).isEqualTo("OPEN");
    }

    @Test
    void aPublishedRetryOrAPublicationClosesTheRow() {
        projection.on(skipped("NOTICE_INVALID"), 0, AT);
        projection.on(new NoticePublicationRetriedEvent(PLAN, true, null, "approver", "APPROVER", "r-2"), 1, AT);
        assertThat(row().status()).isEqualTo("PUBLISHED");

        rows.clear();
        projection.on(skipped("NOTICE_INVALID"), 0, AT);
        NoticeContent content = new NoticeContent(PLAN, NoticeKind.PROJECT_PLAN, NoticeLevel.VILLAGE, "510824112249",
                "桥沟村", "公示", "正文", List.of(), List.of("项目"), List.of(), LocalDate.of(2095, 4, 1),
                LocalDate.of(2095, 4, 10), null, null, "0839-5222000", NoticeContent.HOTLINE);
        projection.on(NoticePublishedEvent.of(content, List.of(), AT, AT.plusSeconds(864_000), "clerk"));
        assertThat(row().status()).isEqualTo("PUBLISHED");
    }

    @Test
    void aPublicationOfANoticeNeverSkippedAddsNoRow() {
        NoticeContent content = new NoticeContent("NTC-FA-APPR-1", NoticeKind.FUND_ALLOCATION, NoticeLevel.COUNTY,
                "510824", "苍溪县", "公告", "正文", List.of(), List.of("项目"), List.of(), LocalDate.of(2095, 4, 1),
                LocalDate.of(2095, 4, 10), null, null, null, NoticeContent.HOTLINE);
        projection.on(NoticePublishedEvent.of(content, List.of(), AT, AT.plusSeconds(864_000), "clerk"));

        assertThat(rows).isEmpty();
    }
}
