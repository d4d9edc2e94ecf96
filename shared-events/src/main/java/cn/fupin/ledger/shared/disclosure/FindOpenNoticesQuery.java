package cn.fupin.ledger.shared.disclosure;

/**
 * The notices still in their publication period (公示中), of every level, as {@link OpenNoticeView}s: those whose
 * period has not ended by a {@link NoticePeriodEndedEvent} and that no correction superseded, the newest first (then
 * by id, descending), at most {@code limit}: what a villager has not seen yet comes first. The end is a recorded fact, not a clock's reading, so the county page that
 * lists them stays a pure function of the events.
 */
public record FindOpenNoticesQuery(int limit) {

    public FindOpenNoticesQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("a list of open notices holds at least one notice");
        }
    }
}
