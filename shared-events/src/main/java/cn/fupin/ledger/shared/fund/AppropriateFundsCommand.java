package cn.fupin.ledger.shared.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record an appropriation (资金下达) of {@code amountFen} fen to the fund of {@code source} for {@code fiscalYear}
 * on the authority of the document {@code documentNo} (文号, e.g. 苍财农〔2015〕12号).
 */
public record AppropriateFundsCommand(
        @TargetAggregateIdentifier FundId fundId,
        String appropriationId,
        int fiscalYear,
        FundSource source,
        long amountFen,
        String documentNo,
        String note) {
}
