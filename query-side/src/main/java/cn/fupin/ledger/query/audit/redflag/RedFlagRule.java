package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import java.time.Instant;
import java.util.List;

/**
 * One red-flag rule as a fold over the ledger's events: it is fed every event once, in global-index order
 * ({@link #accept}), keeps what it needs, and answers its findings at a given ledger time ({@link #findings}), which
 * rules about ages (idle funds, late notices, ignored objections) need. A rule is pure apart from its own state: no
 * clock, no database, so it can be tested by feeding it events and can be rebuilt by feeding them again.
 */
public interface RedFlagRule {

    /** The rule's code, e.g. {@code IDLE_FUNDS}. */
    String rule();

    void accept(LedgerEvent event);

    /** Every finding that holds at {@code now}, given the events accepted so far. */
    List<Finding> findings(Instant now);
}
