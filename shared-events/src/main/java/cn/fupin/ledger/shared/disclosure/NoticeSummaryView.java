package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A published notice as a list of notices shows it: its title, the name of its kind it was published with, when it was
 * published, its period and what superseded it (or {@code null}). Not the bytes that were published: a township's or a
 * village's list names hundreds of notices over the years and shows none of their rows, so reading every notice's
 * JSON for it would only fill the heap. The notice's own page reads those ({@link NoticeView}).
 */
public record NoticeSummaryView(
        String noticeId,
        String title,
        String kindName,
        Instant publishedAt,
        LocalDate periodStart,
        LocalDate periodEnd,
        String supersededBy) {

    /** The summary of a notice read in full (the county page, which reads the newest in full for their lateness). */
    public static NoticeSummaryView of(NoticeView notice) {
        NoticeContent content = notice.content();
        return new NoticeSummaryView(content.noticeId(), content.title(), notice.kindName(), notice.publishedAt(),
                content.periodStart(), content.periodEnd(), notice.supersededBy());
    }
}
