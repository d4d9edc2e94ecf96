package cn.fupin.ledger.query.competition;

import cn.fupin.ledger.shared.competition.CompetitionClosedEvent;
import cn.fupin.ledger.shared.competition.CompetitionOpenedEvent;
import cn.fupin.ledger.shared.competition.ProposalScoredEvent;
import cn.fupin.ledger.shared.competition.ProposalSubmittedEvent;
import cn.fupin.ledger.shared.competition.ProposalWithdrawnEvent;
import cn.fupin.ledger.shared.competition.SubmissionsClosedEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps each competitive round with its proposals and, once closed, its ranking exactly as the closing event
 * recorded it. Idempotent: every event of a round (its proposals' too) is applied once by the round's sequence
 * number. Whether a round still takes submissions is not stored but judged by the ledger's clock when asked, unless
 * the round recorded that its submissions closed.
 */
@Component
@ProcessingGroup(CompetitionProjection.GROUP)
class CompetitionProjection {

    static final String GROUP = "competitions";

    private final CompetitionRepository competitions;
    private final CompetitionProposalRepository proposals;
    private final CompetitionProjectNameRepository projectNames;

    CompetitionProjection(CompetitionRepository competitions, CompetitionProposalRepository proposals,
                          CompetitionProjectNameRepository projectNames) {
        this.competitions = competitions;
        this.proposals = proposals;
        this.projectNames = projectNames;
    }

    @EventHandler
    void on(CompetitionOpenedEvent event, @SequenceNumber long sequence) {
        if (competitions.findById(event.competitionId()).isEmpty()) {
            competitions.save(new CompetitionEntity(event, CompetitionJson.criteria(event.criteria()), sequence));
        }
    }

    @EventHandler
    void on(ProposalSubmittedEvent event, @SequenceNumber long sequence) {
        change(event.competitionId(), sequence, round -> proposals.save(new CompetitionProposalEntity(event)));
    }

    @EventHandler
    void on(ProposalScoredEvent event, @SequenceNumber long sequence) {
        change(event.competitionId(), sequence, round -> {
            CompetitionProposalEntity proposal = proposal(event.competitionId(), event.projectId());
            proposal.scored();
            proposals.save(proposal);
        });
    }

    @EventHandler
    void on(ProposalWithdrawnEvent event, @SequenceNumber long sequence) {
        change(event.competitionId(), sequence, round -> {
            CompetitionProposalEntity proposal = proposal(event.competitionId(), event.projectId());
            proposal.withdrawn();
            proposals.save(proposal);
        });
    }

    @EventHandler
    void on(SubmissionsClosedEvent event, @SequenceNumber long sequence) {
        change(event.competitionId(), sequence, CompetitionEntity::submissionsClosed);
    }

    @EventHandler
    void on(CompetitionClosedEvent event, @SequenceNumber long sequence) {
        change(event.competitionId(), sequence, round -> round.closed(event.closedAt(), event.closedBy(),
                CompetitionJson.ranking(event.ranking()), event.awardedTotalFen(), event.remainingFen()));
    }

    @EventHandler
    void on(ProjectProposedEvent event) {
        if (projectNames.findById(event.projectId()).isEmpty()) {
            projectNames.save(new CompetitionProjectNameEntity(event.projectId(), event.name()));
        }
    }

    private void change(String competitionId, long sequence, Consumer<CompetitionEntity> change) {
        CompetitionEntity round = competitions.findById(competitionId)
                .orElseThrow(() -> new IllegalStateException("event for a round not yet projected: " + competitionId));
        if (round.advanceTo(sequence)) {
            change.accept(round);
            competitions.save(round);
        }
    }

    private CompetitionProposalEntity proposal(String competitionId, String projectId) {
        return proposals.findById(CompetitionProposalEntity.id(competitionId, projectId))
                .orElseThrow(() -> new IllegalStateException("event for a proposal never submitted: "
                        + CompetitionProposalEntity.id(competitionId, projectId)));
    }

    @ResetHandler
    void reset() {
        proposals.deleteAllInBatch();
        competitions.deleteAllInBatch();
        projectNames.deleteAllInBatch();
    }
}
