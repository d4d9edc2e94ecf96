package cn.fupin.ledger.shared.fund;

/** A fund's balances in fen: {@code availableFen = appropriatedFen - reservedFen - disbursedFen}. */
public record FundView(
        String fundId,
        int fiscalYear,
        FundSource source,
        long appropriatedFen,
        long reservedFen,
        long disbursedFen,
        long availableFen) {
}
