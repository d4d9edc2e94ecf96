package cn.fupin.ledger.query.audit.money;

/**
 * The sums of a trace, in fen: appropriated, reserved for projects, released back, paid and reversed (gross), and
 * what they leave: {@code unreservedFen} in the fund (the journal's FUND account), {@code reservedUnpaidFen} held
 * for projects (its RESERVED accounts), {@code paidNetFen} with payees (its PAID accounts) and {@code unspentFen}
 * (appropriated less paid net). A trace to a payee holds only its payments and reversals: there the sums of the
 * sources' side (appropriated, reserved, released and what they leave) are null, not the negative figures that
 * subtracting from nothing would give.
 */
public record TraceTotals(Long appropriatedFen, Long reservedFen, Long releasedFen, long paidFen, long reversedFen,
                          Long unreservedFen, Long reservedUnpaidFen, long paidNetFen, Long unspentFen) {

    /** The sums of a trace to a payee: its payments and reversals only. */
    static TraceTotals ofPayments(Iterable<TraceStep> steps) {
        TraceTotals all = of(steps);
        return new TraceTotals(null, null, null, all.paidFen(), all.reversedFen(), null, null, all.paidNetFen(), null);
    }

    static TraceTotals of(Iterable<TraceStep> steps) {
        long appropriated = 0;
        long reserved = 0;
        long released = 0;
        long paid = 0;
        long reversed = 0;
        for (TraceStep step : steps) {
            switch (step.step()) {
                case MoneyTrail.APPROPRIATED -> appropriated += step.amountFen();
                case MoneyTrail.RESERVED -> reserved += step.amountFen();
                case MoneyTrail.RELEASED -> released += step.amountFen();
                case MoneyTrail.PAID -> paid += step.amountFen();
                case MoneyTrail.REVERSED -> reversed += step.amountFen();
                default -> throw new IllegalStateException(step.step());
            }
        }
        long paidNet = paid - reversed;
        return new TraceTotals(appropriated, reserved, released, paid, reversed, appropriated - reserved + released,
                reserved - released - paidNet, paidNet, appropriated - paidNet);
    }
}
