package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectCancelledEvent;
import cn.fupin.ledger.shared.project.ProjectId;
import cn.fupin.ledger.shared.project.ProjectRejectedEvent;
import cn.fupin.ledger.shared.project.ProjectSelectedEvent;
import cn.fupin.ledger.shared.project.ProjectSubmittedToCompetitionEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * What the handlers of this package share: loading a project (a refusal when there is none) and its funds, always in
 * one order, so that two units of work over the same records never wait for each other in a circle: a competitive
 * round first (as the round's own handlers do), then the project, then its funds by fund id.
 */
final class Projects {

    private final Configuration axon;
    private final EventStore eventStore;

    Projects(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    /** The project, or PROJECT_NOT_FOUND (404) when no project has the id. */
    Aggregate<Project> load(ProjectId projectId) {
        Objects.requireNonNull(projectId, "a command names its project");
        if (eventStore.lastSequenceNumberFor(projectId.value()).isEmpty()) {
            throw Refusal.notFound("PROJECT_NOT_FOUND", "no project has this id");
        }
        return axon.repository(Project.class).load(projectId.value());
    }

    /**
     * The round the project is waiting for, read from its stored events without loading (and locking) it: a handler
     * that must lock the round as well locks the round first, in the order the round's own handlers use (round, then
     * its projects). The handler checks the answer again once it holds the project. From the first stored event, never
     * a snapshot (a project is snapshotted after 100 events; the snapshot would hide the round it was submitted to).
     */
    Optional<String> roundAwaited(ProjectId projectId) {
        String[] round = new String[1];
        eventStore.readEvents(projectId.value(), 0).asStream().forEach(event -> {
            Object payload = event.getPayload();
            if (payload instanceof ProjectSubmittedToCompetitionEvent submitted) {
                round[0] = submitted.competitionId();
            } else if (payload instanceof ProjectSelectedEvent || payload instanceof ProjectRejectedEvent
                    || payload instanceof ProjectCancelledEvent) {
                round[0] = null;
            }
        });
        return Optional.ofNullable(round[0]);
    }

    Repository<Fund> funds() {
        return axon.repository(Fund.class);
    }

    /**
     * Gives back to each fund what it holds for the project and was not paid, in fund id order, because the
     * project was {@code reason} (CANCELLED or ACCEPTED); returns the lines released.
     */
    List<BudgetLine> releaseUnpaid(Aggregate<Project> project, String reason) {
        String projectId = project.identifierAsString();
        List<BudgetLine> unpaid = project.invoke(Project::unpaidReservations);
        for (BudgetLine line : unpaid) {
            funds().load(line.fundId()).execute(fund -> fund.release(projectId, line.amountFen(), reason));
        }
        return unpaid;
    }
}
