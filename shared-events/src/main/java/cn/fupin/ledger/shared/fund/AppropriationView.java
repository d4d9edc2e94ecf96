package cn.fupin.ledger.shared.fund;

import java.time.Instant;

/** One appropriation with its document number, as recorded. */
public record AppropriationView(
        String appropriationId,
        String fundId,
        int fiscalYear,
        FundSource source,
        long amountFen,
        String documentNo,
        String note,
        Instant recordedAt) {
}
