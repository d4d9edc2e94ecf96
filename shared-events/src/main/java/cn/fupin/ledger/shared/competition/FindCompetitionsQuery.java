package cn.fupin.ledger.shared.competition;

/**
 * Competitive rounds, of one fiscal year where given ({@code null} means any); for a {@code reviewer} (a REVIEWER's
 * reads are scoped) only the rounds they may still score (not closed) and those they scored or declared a conflict in.
 */
public record FindCompetitionsQuery(Integer fiscalYear, String reviewer) {

    /** Every round of the year, whoever reviewed it. */
    public FindCompetitionsQuery(Integer fiscalYear) {
        this(fiscalYear, null);
    }
}
