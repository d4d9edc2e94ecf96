package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A published notice as a list of notices shows it: its title, the name of its kind it was published with, when it was
 * published, its period, what superseded it (or {@code null}), and what tells it from its neighbours — township,
 * village, project and amount, each {@code null} when the notice does not state it ({@link NoticeListLine}). Not the bytes that were published: a township's or a
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
        String supersededBy,
        String township,
        String village,
        String project,
        String amount) {

    /** A summary without the parts that tell it apart (a list then shows its title alone). */
    public NoticeSummaryView(String noticeId, String title, String kindName, Instant publishedAt, LocalDate periodStart,
                             LocalDate periodEnd, String supersededBy) {
        this(noticeId, title, kindName, publishedAt, periodStart, periodEnd, supersededBy, null, null, null, null);
    }

    /** Township, village, project and amount, as the list shows them. */
    public NoticeListLine line() {
        return new NoticeListLine(township, village, project, amount);
    }

    /** The summary of a notice read in full (the county page, which reads the newest in full for their lateness). */
    public static NoticeSummaryView of(NoticeView notice) {
        NoticeContent content = notice.content();
        NoticeListLine line = NoticeListLine.of(content);
        return new NoticeSummaryView(content.noticeId(), content.title(), notice.kindName(), notice.publishedAt(),
                content.periodStart(), content.periodEnd(), notice.supersededBy(), line.township(), line.village(),
                line.project(), line.amount());
    }
}
