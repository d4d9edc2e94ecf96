package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.project.AcceptProjectCommand;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Records the acceptance inspection (验收) of a completed project in one unit of work with its funds: what they hold
 * for it and was not paid goes back to them, since a project that passed its inspection will pay nothing more.
 */
@Component
class ProjectAcceptor {

    static final int RESULT_LENGTH_MAX = 2000;
    static final String RELEASED_BECAUSE = "ACCEPTED";

    private final Projects projects;

    ProjectAcceptor(Configuration axon, EventStore eventStore) {
        this.projects = new Projects(axon, eventStore);
    }

    @CommandHandler
    void handle(AcceptProjectCommand command) {
        Objects.requireNonNull(command.actor(), "an acceptance carries who records it");
        String result = result(command.result());
        Aggregate<Project> project = projects.load(command.projectId());
        project.execute(Project::requireAcceptable);
        projects.releaseUnpaid(project, RELEASED_BECAUSE);
        project.execute(p -> p.accept(result, command.actor()));
    }

    private static String result(String result) {
        if (Text.isBlank(result)) {
            throw Refusal.invalidField("RESULT_REQUIRED", "result", "an acceptance records the inspection's result");
        }
        String stripped = result.strip();
        if (stripped.length() > RESULT_LENGTH_MAX || Text.hasControlCharacters(stripped)) {
            throw Refusal.invalidField("RESULT_INVALID", "result",
                    "the result is longer than " + RESULT_LENGTH_MAX + " characters or holds control characters");
        }
        return stripped;
    }
}
