package cn.fupin.ledger.shared.project;

/**
 * One line of a project's budget: {@code amountFen} fen from the fund {@code fundId} (e.g. FUND-510824-2016-CENTRAL).
 * Several lines bundle several sources into one project (打捆使用) while each yuan stays traceable to its fund.
 */
public record BudgetLine(String fundId, long amountFen) {
}
