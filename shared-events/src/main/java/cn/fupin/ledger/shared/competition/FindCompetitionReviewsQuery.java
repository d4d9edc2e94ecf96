package cn.fupin.ledger.shared.competition;

/**
 * Who scored what in a round, and who declared a conflict with which township, read from the round's own events
 * (the read model keeps only how many reviewers scored each proposal). Answered by {@link CompetitionReviewsView};
 * a round with no events has none. Which of them a reader may see is the asker's decision (a reviewer still scoring
 * should not see the others' points).
 */
public record FindCompetitionReviewsQuery(String competitionId) {
}
