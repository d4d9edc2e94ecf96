package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;

/**
 * The notices published for a place, as {@link NoticeSummaryView}s, newest first (publication time descending, then
 * id), in keyset pages like {@link FindNoticesQuery}: those after ({@code afterPublishedAt}, {@code afterId}) in that
 * order, at most {@code limit} of them. A limit is required: a list of notices is always a page.
 */
public record FindNoticeSummariesQuery(NoticeLevel level, String placeCode, Instant afterPublishedAt, String afterId,
                                       int limit) {

    public FindNoticeSummariesQuery {
        if (level == null || placeCode == null) {
            throw new IllegalArgumentException("notice summaries are asked for one level and place");
        }
        if ((afterPublishedAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("a page starts after a publication time and an id, both or neither");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one notice");
        }
    }
}
