package cn.fupin.ledger.shared.competition;

/** Competitive rounds, of one fiscal year where given ({@code null} means any). */
public record FindCompetitionsQuery(Integer fiscalYear) {
}
