package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.competition.RankingLineView;

import cn.fupin.ledger.shared.competition.CompetitionStatus;
import cn.fupin.ledger.shared.competition.ConflictOfInterestDeclaredEvent;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.CompetitionView;
import cn.fupin.ledger.shared.competition.FindCompetitionQuery;
import cn.fupin.ledger.shared.competition.FindCompetitionsQuery;
import cn.fupin.ledger.shared.competition.RecomputationView;
import cn.fupin.ledger.shared.competition.RecomputeCompetitionQuery;
import cn.fupin.ledger.shared.place.TownshipCode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the competition queries: rounds from the competitions read model (their status judged by the ledger's
 * clock when asked), and the recomputation of a closed round from the event store alone.
 */
@Component
class CompetitionQueries {

    private final CompetitionRepository competitions;
    private final CompetitionProposalRepository proposals;
    private final CompetitionProjectNameRepository projectNames;
    private final EventStore eventStore;
    private final Clock clock;

    CompetitionQueries(CompetitionRepository competitions, CompetitionProposalRepository proposals,
                       CompetitionProjectNameRepository projectNames, EventStore eventStore, Clock clock) {
        this.competitions = competitions;
        this.proposals = proposals;
        this.projectNames = projectNames;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<CompetitionView> handle(FindCompetitionQuery query) {
        return competitions.findById(query.competitionId()).map(this::view)
                .filter(round -> visibleTo(query.reviewer(), round));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public List<CompetitionView> handle(FindCompetitionsQuery query) {
        List<CompetitionEntity> found = query.fiscalYear() == null
                ? competitions.findAllByOrderByFiscalYearAscCompetitionIdAsc()
                : competitions.findByFiscalYearOrderByCompetitionIdAsc(query.fiscalYear());
        return found.stream().map(this::view).filter(round -> visibleTo(query.reviewer(), round)).toList();
    }

    /**
     * Whether the round is in a reviewer's scope ({@code null}: no reviewer's scope, every round): a round not closed
     * (they may score it), or one whose stored events show them scoring a proposal or declaring a conflict. Read from
     * the round's own events, so that the rounds reviewed before this scope existed count too.
     */
    private boolean visibleTo(String reviewer, CompetitionView round) {
        if (reviewer == null || round.status() != CompetitionStatus.CLOSED) {
            return true;
        }
        return eventStore.readEvents(round.competitionId(), 0).asStream().map(event -> event.getPayload())
                .anyMatch(payload -> payload instanceof ProposalScoredEvent scored
                        && reviewer.equals(scored.reviewer())
                        || payload instanceof ConflictOfInterestDeclaredEvent conflict
                        && reviewer.equals(conflict.reviewer()));
    }

    /** Reads the round's events and each township's from the event store; nothing of the read model is used. */
    @QueryHandler
    public RecomputationView handle(RecomputeCompetitionQuery query) {
        return Recomputation.recompute(query.competitionId(), read(query.competitionId()),
                township -> read(TownshipCode.streamIdOf(township)));
    }

    /**
     * Every event of the aggregate from its first: {@code readEvents(id, 0)} reads the stored events themselves, where
     * {@code readEvents(id)} would start from a snapshot if one were ever taken, and a snapshot is not evidence.
     */
    private List<Recomputation.StoredEvent> read(String aggregateIdentifier) {
        return eventStore.readEvents(aggregateIdentifier, 0).asStream()
                .map(event -> new Recomputation.StoredEvent(event.getPayload(), event.getTimestamp()))
                .toList();
    }

    private CompetitionView view(CompetitionEntity round) {
        List<CompetitionProposalEntity> submitted = proposals
                .findByCompetitionIdOrderBySubmittedAtAscProjectIdAsc(round.competitionId());
        Map<String, String> names = new HashMap<>();
        projectNames.findAllById(submitted.stream().map(CompetitionProposalEntity::projectId).toList())
                .forEach(project -> names.put(project.projectId(), project.name()));
        List<CompetitionView.ProposalView> listed = submitted.stream()
                .map(p -> new CompetitionView.ProposalView(p.projectId(), names.get(p.projectId()),
                        p.townshipCode(), p.villageCode(), p.requestedFen(), p.submittedAt(), p.submittedBy(),
                        p.reviewerCount(), p.isWithdrawn()))
                .toList();
        return new CompetitionView(round.competitionId(), round.name(), round.fiscalYear(), round.fundId(),
                round.budgetFen(), CompetitionJson.criteria(round.criteriaJson()), round.deadline(), status(round),
                round.openedBy(), listed, RankingLineView.of(CompetitionJson.ranking(round.rankingJson())), round.awardedTotalFen(),
                round.remainingFen(), round.closedBy(), round.closedAt());
    }

    /**
     * CLOSED once closed; otherwise SUBMISSIONS_CLOSED once the round recorded it or its deadline has come by the
     * ledger's clock (the deadline itself no longer takes submissions), else OPEN.
     */
    private CompetitionStatus status(CompetitionEntity round) {
        if (round.isClosed()) {
            return CompetitionStatus.CLOSED;
        }
        if (round.isSubmissionsClosed() || !clock.instant().isBefore(round.deadline())) {
            return CompetitionStatus.SUBMISSIONS_CLOSED;
        }
        return CompetitionStatus.OPEN;
    }
}
