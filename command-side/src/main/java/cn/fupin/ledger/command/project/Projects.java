package cn.fupin.ledger.command.project;

import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectId;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * What the handlers of this package share: loading a project (a refusal when there is none) and its funds, always in
 * one order, the project first and then its funds by fund id, so that two units of work over the same records
 * never wait for each other in a circle.
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
