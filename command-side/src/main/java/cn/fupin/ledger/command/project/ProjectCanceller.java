package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.competition.Competition;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Cancels (撤销) a project in one unit of work with its funds: what they hold for it and was not paid goes back to
 * them (DOMAIN.md: "Cancelling releases what was reserved and not paid"), and the project records what was released.
 * A proposal waiting in a competitive round is withdrawn from it in the same unit of work, so the round never ranks a
 * cancelled project.
 */
@Component
class ProjectCanceller {

    static final int REASON_LENGTH_MAX = 500;
    static final String RELEASED_BECAUSE = "CANCELLED";

    private final Configuration axon;
    private final Projects projects;

    ProjectCanceller(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.projects = new Projects(axon, eventStore);
    }

    @CommandHandler
    void handle(CancelProjectCommand command) {
        Objects.requireNonNull(command.actor(), "a cancellation carries who cancels");
        String reason = reason(command.reason());
        String projectId = command.projectId().value();
        // The round is locked before the project, in the order of the round's handlers (see Projects).
        Optional<String> roundSeen = projects.roundAwaited(command.projectId());
        Optional<Aggregate<Competition>> round = roundSeen.map(id -> axon.repository(Competition.class).load(id));
        Aggregate<Project> project = projects.load(command.projectId());
        project.execute(p -> p.requireCancellableBy(command.actor()));
        if (project.invoke(Project::inCompetition)) {
            String awaited = project.invoke(Project::competitionId);
            if (round.isEmpty() || !awaited.equals(roundSeen.get())) {
                // Submitted to a round between the look at its events and the lock: a lost race, run again.
                throw new ConcurrencyException("project " + projectId + " entered the round " + awaited + " meanwhile");
            }
            round.get().execute(competition -> competition.withdraw(projectId, reason));
        }
        projects.releaseUnpaid(project, RELEASED_BECAUSE);
        project.execute(p -> p.cancel(reason, command.actor()));
    }

    private static String reason(String reason) {
        if (Text.isBlank(reason)) {
            throw Refusal.invalidField("REASON_REQUIRED", "reason", "a cancellation needs a reason");
        }
        String stripped = reason.strip();
        if (stripped.length() > REASON_LENGTH_MAX || Text.hasControlCharacters(stripped)) {
            throw Refusal.invalidField("REASON_INVALID", "reason",
                    "the reason is longer than " + REASON_LENGTH_MAX + " characters or holds control characters");
        }
        return stripped;
    }
}
