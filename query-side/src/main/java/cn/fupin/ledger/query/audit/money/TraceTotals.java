package cn.fupin.ledger.query.audit.money;

/**
 * The sums of a trace, in fen: appropriated, reserved for projects, released back, paid and reversed (gross), and
 * what they leave: {@code unreservedFen} in the fund (the journal's FUND account), {@code reservedUnpaidFen} held
 * for projects (its RESERVED accounts), {@code paidNetFen} with payees (its PAID accounts) and {@code unspentFen}
 * (appropriated less paid net).
 */
public record TraceTotals(long appropriatedFen, long reservedFen, long releasedFen, long paidFen, long reversedFen,
                          long unreservedFen, long reservedUnpaidFen, long paidNetFen, long unspentFen) {

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
