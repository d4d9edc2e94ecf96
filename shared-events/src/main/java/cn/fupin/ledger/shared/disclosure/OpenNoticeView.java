package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A notice open for objection, as the county page's "公示中" lists it: what it is, where (its level and the code of
 * its place, named by the page from the gazetteer's names it already holds), when it was published and the last day
 * an objection is taken ({@code periodEnd}, Asia/Shanghai).
 */
public record OpenNoticeView(
        String noticeId,
        String title,
        String kindName,
        NoticeLevel level,
        String placeCode,
        Instant publishedAt,
        LocalDate periodEnd) {
}
