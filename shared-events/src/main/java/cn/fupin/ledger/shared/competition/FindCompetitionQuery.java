package cn.fupin.ledger.shared.competition;

/**
 * One competitive round with its proposals and, once closed, its ranking; for a {@code reviewer} none unless they may
 * still score it (not closed) or scored it or declared a conflict in it (see {@link FindCompetitionsQuery}).
 */
public record FindCompetitionQuery(String competitionId, String reviewer) {

    /** The round, whoever reviewed it. */
    public FindCompetitionQuery(String competitionId) {
        this(competitionId, null);
    }
}
