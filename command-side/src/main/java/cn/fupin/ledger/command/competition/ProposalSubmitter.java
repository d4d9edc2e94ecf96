package cn.fupin.ledger.command.competition;

import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.SubmitProposalCommand;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Submits a project to a round in one unit of work with both aggregates: the project enters the round (it must be
 * proposed, in no other round, of the submitting township, with a budget line from the round's fund) and the round
 * records the proposal with the requested amount, if its deadline has not passed by the ledger's clock.
 */
@Component
class ProposalSubmitter {

    private final Configuration axon;
    private final EventStore eventStore;
    private final Clock clock;

    ProposalSubmitter(Configuration axon, EventStore eventStore, Clock clock) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @CommandHandler
    void handle(SubmitProposalCommand command) {
        String competitionId = command.competitionId().value();
        String projectId = command.projectId().value();
        if (eventStore.lastSequenceNumberFor(competitionId).isEmpty()) {
            throw Refusal.notFound("COMPETITION_NOT_FOUND", "no round has this id");
        }
        if (eventStore.lastSequenceNumberFor(projectId).isEmpty()) {
            throw Refusal.notFound("PROJECT_NOT_FOUND", "no project has this id");
        }
        Aggregate<Competition> competition = axon.repository(Competition.class).load(competitionId);
        Aggregate<Project> project = axon.repository(Project.class).load(projectId);
        Instant now = clock.instant();
        competition.execute(Competition::requireOpen);
        String fundId = competition.invoke(Competition::fundId);
        project.execute(p -> p.enterCompetition(competitionId, fundId, command.actor()));
        String townshipCode = project.invoke(Project::townshipCode);
        String villageCode = project.invoke(Project::villageCode);
        long requestedFen = project.invoke(p -> p.budgetFrom(fundId));
        competition.execute(c -> c.submit(projectId, townshipCode, villageCode, requestedFen, now, command.actor()));
    }
}
