package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * BOOKS_DISAGREE: the last reconciliation recorded ({@link ReconciliationRecordedEvent}) found that the journal, the
 * aggregates and the read models do not agree. Money cannot be followed through books that disagree, so it is HIGH
 * until a later run records agreement. One finding (subject {@value #SUBJECT}), from the first of the disagreeing
 * runs in a row, with each of them as evidence; its summary says how many differences the last one found and where
 * the endpoint names them.
 *
 * <p>Constructed without arguments.
 */
public final class BooksDisagreeRule implements RedFlagRule {

    public static final String RULE = "BOOKS_DISAGREE";
    static final String SUBJECT = "reconciliation";

    /** Every recorded result, in the order of the store. */
    private final List<LedgerEvent> results = new ArrayList<>();

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        if (event.payload() instanceof ReconciliationRecordedEvent) {
            results.add(event);
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<LedgerEvent> disagreeing = new ArrayList<>();
        for (LedgerEvent event : results) {
            if (event.timestamp().isAfter(now)) {
                continue;
            }
            if (((ReconciliationRecordedEvent) event.payload()).agrees()) {
                disagreeing.clear();
            } else {
                disagreeing.add(event);
            }
        }
        if (disagreeing.isEmpty()) {
            return List.of();
        }
        ReconciliationRecordedEvent last = (ReconciliationRecordedEvent) disagreeing.get(disagreeing.size() - 1)
                .payload();
        String summary = "the reconciliation of " + last.checkedAt() + " found " + last.differenceCount()
                + (last.differenceCount() == 1 ? " difference" : " differences")
                + " between the journal, the aggregates and the read models up to global index "
                + last.upToGlobalIndex() + " (GET /api/audit/reconciliation names them)";
        return List.of(new Finding(RULE, Severity.HIGH, SUBJECT, "", summary, disagreeing.get(0).timestamp(),
                disagreeing.stream().map(LedgerEvent::eventId).toList()));
    }
}
