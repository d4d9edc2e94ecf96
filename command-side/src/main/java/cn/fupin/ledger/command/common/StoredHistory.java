package cn.fupin.ledger.command.common;

import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;

/**
 * The check an aggregate makes while it is rebuilt from its events: a total an event records (so that the event
 * alone shows it) must be what the amounts give. An aggregate decides from the amounts, never from a recorded total; a
 * stored history whose numbers disagree (edited, or written by a bug) is not decided on at all: loading the aggregate
 * fails, naming the event, its sequence and both numbers.
 */
public final class StoredHistory {

    private StoredHistory() {
    }

    /**
     * @param aggregate what is being rebuilt ("fund FUND-510824-2016-COUNTY")
     * @param field     the event's field that records the total
     */
    public static void requireAgrees(String aggregate, Object event, long sequence, String eventId, String field,
                                     long recordedFen, long derivedFen) {
        if (recordedFen != derivedFen) {
            throw new IllegalStateException(aggregate + ": stored event " + eventId + " at sequence " + sequence + " ("
                    + event.getClass().getSimpleName() + ") records " + field + " = " + recordedFen + " fen, but "
                    + "the amounts give " + derivedFen + " fen");
        }
    }

    /** The sum of the lines' amounts, exactly. */
    public static long sum(List<BudgetLine> lines) {
        return lines.stream().mapToLong(BudgetLine::amountFen).reduce(0L, Math::addExact);
    }
}
