package cn.fupin.ledger.ops.app;

import java.util.List;

/**
 * What a round's form recorded, as its answer page shows it (read your writes, from the session that recorded it):
 * a heading, the facts in order, and the round to go back to.
 */
record RoundRecorded(String answerId, String roundId, String roundTitle, String heading, List<Fact> facts) {

    /** One recorded fact: its label, its value, and the element id tests and screen readers find it by. */
    record Fact(String label, String value, String id) {
    }
}
