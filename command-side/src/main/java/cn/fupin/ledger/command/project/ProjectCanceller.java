package cn.fupin.ledger.command.project;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.project.CancelProjectCommand;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Cancels (撤销) a project in one unit of work with its funds: what they hold for it and was not paid goes back to
 * them (DOMAIN.md: "Cancelling releases what was reserved and not paid"), and the project records what was released.
 */
@Component
class ProjectCanceller {

    static final int REASON_LENGTH_MAX = 500;
    static final String RELEASED_BECAUSE = "CANCELLED";

    private final Projects projects;

    ProjectCanceller(Configuration axon, EventStore eventStore) {
        this.projects = new Projects(axon, eventStore);
    }

    @CommandHandler
    void handle(CancelProjectCommand command) {
        Objects.requireNonNull(command.actor(), "a cancellation carries who cancels");
        String reason = reason(command.reason());
        Aggregate<Project> project = projects.load(command.projectId());
        project.execute(p -> p.requireCancellableBy(command.actor()));
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
