package cn.fupin.ledger.command.competition;

import cn.fupin.ledger.command.place.Township;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.competition.CloseCompetitionCommand;
import cn.fupin.ledger.shared.competition.RankedProposal;
import cn.fupin.ledger.shared.competition.Ranking;
import cn.fupin.ledger.shared.place.TownshipCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Closes a round in one unit of work: reads the previous year's assessment of every township with a proposal from
 * the Township aggregates, ranks with {@link Ranking} (the same pure function the recompute endpoint runs), records
 * the ranking on the round, and selects the awarded projects and rejects the others. All of it commits together or
 * not at all; the number of projects touched is bounded by the round's proposal limit.
 */
@Component
class CompetitionCloser {

    static final String DOES_NOT_FIT = "预算余额不足以全额安排（the budget left did not cover the full request）";

    private final Configuration axon;
    private final EventStore eventStore;
    private final Clock clock;

    CompetitionCloser(Configuration axon, EventStore eventStore, Clock clock) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @CommandHandler
    List<RankedProposal> handle(CloseCompetitionCommand command) {
        String competitionId = command.competitionId().value();
        if (eventStore.lastSequenceNumberFor(competitionId).isEmpty()) {
            throw Refusal.notFound("COMPETITION_NOT_FOUND", "no round has this id");
        }
        Aggregate<Competition> competition = axon.repository(Competition.class).load(competitionId);
        Instant now = clock.instant();
        competition.execute(Competition::requireOpen);
        if (now.isBefore(competition.invoke(Competition::deadline))) {
            throw Refusal.conflict("SUBMISSIONS_STILL_OPEN", "a round closes only after its submission deadline");
        }
        int assessedYear = competition.invoke(Competition::fiscalYear) - 1;
        List<AssessmentUsed> assessments = new ArrayList<>();
        for (String township : competition.invoke(Competition::proposalTownships)) {
            String stream = TownshipCode.streamIdOf(township);
            if (eventStore.lastSequenceNumberFor(stream).isPresent()) {
                Optional<AssessmentUsed> assessment = axon.repository(Township.class).load(stream)
                        .invoke(t -> t.assessmentOf(assessedYear));
                assessment.ifPresent(assessments::add);
            }
        }
        List<RankedProposal> ranking = Ranking.rank(competition.invoke(c -> c.facts(assessments)));
        competition.execute(c -> c.close(now, assessments, ranking, command.actor()));

        List<RankedProposal> byProject = new ArrayList<>(ranking);
        byProject.sort(Comparator.comparing(RankedProposal::projectId));
        for (RankedProposal line : byProject) {
            Aggregate<Project> project = axon.repository(Project.class).load(line.projectId());
            if (line.outcome() == RankedProposal.Outcome.AWARDED) {
                project.execute(p -> p.select(competitionId, line.rank(), line.awardedFen()));
            } else {
                project.execute(p -> p.reject(competitionId, line.rank(), DOES_NOT_FIT));
            }
        }
        return ranking;
    }
}
