package cn.fupin.ledger.shared.fund;

/** The funds of one fiscal year, or of every year when {@code fiscalYear} is null; answered by a list of {@link FundView}. */
public record FindFundsQuery(Integer fiscalYear) {
}
