package cn.fupin.ledger.query.competition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.shared.competition.CompetitionReviewsView;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.CriterionPoints;
import cn.fupin.ledger.shared.competition.FindCompetitionReviewsQuery;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class CompetitionReviewsTest {

    private static final String ROUND = "CMP-REV-1";

    @Test
    void answersEveryScoreAndConflictInOrderAndLeavesOutTheScoresOfAWithdrawnProposal() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<Object> facts = List.of(
                new ProposalScoredEvent(ROUND, "PRJ-REV-1", "reviewer", List.of(new CriterionPoints("带贫成效", 75))),
                new ConflictOfInterestDeclaredEvent(ROUND, "reviewer2", "510824102"),
                new ProposalScoredEvent(ROUND, "PRJ-REV-2", "reviewer", List.of(new CriterionPoints("带贫成效", 40))),
                new ProposalScoredEvent(ROUND, "PRJ-REV-1", "reviewer2", List.of(new CriterionPoints("带贫成效", 61))),
                new ProposalWithdrawnEvent(ROUND, "PRJ-REV-2", "项目撤销"));
        for (int i = 0; i < facts.size(); i++) {
            store.publish(new GenericDomainEventMessage<>("Competition", ROUND, i, facts.get(i)));
        }

        CompetitionReviewsView reviews = new CompetitionReviews(store).handle(new FindCompetitionReviewsQuery(ROUND));

        assertThat(reviews.scores()).extracting(s -> s.projectId() + ":" + s.reviewer() + ":"
                + s.points().get(0).points()).containsExactly("PRJ-REV-1:reviewer:75", "PRJ-REV-1:reviewer2:61");
        assertThat(reviews.conflicts()).containsExactly(
                new CompetitionReviewsView.ConflictView("reviewer2", "510824102"));
        assertThat(new CompetitionReviews(store).handle(new FindCompetitionReviewsQuery("CMP-REV-NONE")).scores())
                .isEmpty();
    }
}
