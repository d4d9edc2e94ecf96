package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.competition.CompetitionReviewsView;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.FindCompetitionReviewsQuery;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers who scored what in a round from the round's stored events, as the recomputation reads them: a round holds
 * at most 500 proposals and a score per reviewer each, so its events are read whole rather than kept in another read
 * model.
 */
@Component
class CompetitionReviews {

    private final EventStore eventStore;

    CompetitionReviews(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public CompetitionReviewsView handle(FindCompetitionReviewsQuery query) {
        List<CompetitionReviewsView.ScoreView> scores = new ArrayList<>();
        List<CompetitionReviewsView.ConflictView> conflicts = new ArrayList<>();
        eventStore.readEvents(query.competitionId(), 0).asStream().map(event -> event.getPayload()).forEach(payload -> {
            if (payload instanceof ProposalScoredEvent scored) {
                scores.add(new CompetitionReviewsView.ScoreView(scored.projectId(), scored.reviewer(),
                        List.copyOf(scored.points())));
            } else if (payload instanceof ProposalWithdrawnEvent withdrawn) {
                scores.removeIf(score -> score.projectId().equals(withdrawn.projectId()));
            } else if (payload instanceof ConflictOfInterestDeclaredEvent conflict) {
                conflicts.add(new CompetitionReviewsView.ConflictView(conflict.reviewer(), conflict.townshipCode()));
            }
        });
        return new CompetitionReviewsView(query.competitionId(), List.copyOf(scores), List.copyOf(conflicts));
    }
}
