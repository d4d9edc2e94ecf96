package cn.fupin.ledger.shared.fund;

/** The appropriations of one fiscal year (or all years when null), oldest first; answered by a list of {@link AppropriationView}. */
public record FindAppropriationsQuery(Integer fiscalYear) {
}
