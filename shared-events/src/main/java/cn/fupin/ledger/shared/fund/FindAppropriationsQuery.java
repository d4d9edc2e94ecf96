package cn.fupin.ledger.shared.fund;

import java.time.Instant;

/**
 * The appropriations of one fiscal year (or all years when null), oldest first (recording time, then id); answered by
 * a list of {@link AppropriationView}. A page: those after ({@code afterRecordedAt}, {@code afterId}) in that order,
 * at most {@code limit} of them ({@code null}: after none, and every one).
 */
public record FindAppropriationsQuery(Integer fiscalYear, Instant afterRecordedAt, String afterId, Integer limit) {

    public FindAppropriationsQuery {
        if ((afterRecordedAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("a page starts after a recording time and an id, both or neither");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("a page holds at least one appropriation");
        }
    }

    /** Every one of the year's (or of every year's). */
    public FindAppropriationsQuery(Integer fiscalYear) {
        this(fiscalYear, null, null, null);
    }
}
