package cn.fupin.ledger.shared.disclosure;

import java.time.Instant;

/**
 * The notices published for a place ({@code placeCode} of the given level; the county's code for COUNTY), each filter
 * optional ({@code null} means any), newest first (publication time descending, then id). A page: those after
 * ({@code afterPublishedAt}, {@code afterId}) in that order, at most {@code limit} of them ({@code null}: after none,
 * and every one).
 */
public record FindNoticesQuery(NoticeLevel level, String placeCode, Instant afterPublishedAt, String afterId,
                               Integer limit) {

    public FindNoticesQuery {
        if ((afterPublishedAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("a page starts after a publication time and an id, both or neither");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("a page holds at least one notice");
        }
    }

    /** Every one. */
    public FindNoticesQuery(NoticeLevel level, String placeCode) {
        this(level, placeCode, null, null, null);
    }
}
