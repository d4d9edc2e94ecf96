package cn.fupin.ledger.shared.inbox;

/**
 * The objections to notices not resolved yet, oldest first (received time, then id), answered as
 * {@code cn.fupin.ledger.shared.disclosure.ObjectionView}s, at most {@code limit} of them: what waits for an officer
 * in the approver's inbox.
 */
public record FindPendingObjectionsQuery(int limit) {

    public FindPendingObjectionsQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one objection");
        }
    }
}
