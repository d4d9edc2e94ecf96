package cn.fupin.ledger.query.audit.money;

import java.util.List;

/**
 * A trace: {@code kind} says what {@code subject} is (FUND, APPROPRIATION, HOUSEHOLD, VILLAGE) and {@code direction}
 * whether the money is followed from it ({@code from}) or to it ({@code to}); {@code rule} is how a fund's money is
 * attributed to its appropriations; {@code sources} sums what was paid (net of reversals) by the appropriation it came
 * from; {@code steps} are in the events' order.
 */
public record TraceView(String direction, String kind, String subject, String rule, TraceTotals totals,
                        List<Source> sources, List<TraceStep> steps) {

    /** Paid net of reversals, in fen, from one appropriation (null when attributed to none). */
    public record Source(String fundId, String appropriationId, String documentNo, long paidNetFen) {
    }
}
