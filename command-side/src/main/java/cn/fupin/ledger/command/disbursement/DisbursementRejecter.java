package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.RejectDisbursementCommand;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Rejects a requested payment with a reason, in one unit of work with the project (the pending amount is left to pay
 * again) and, for a start-up grant, the household (which may be granted again). Nothing was paid, so no fund is
 * touched. An item of a grant batch may be rejected on its own; the batch is then approved without it.
 */
@Component
class DisbursementRejecter {

    private final Payments payments;

    DisbursementRejecter(Configuration axon, EventStore eventStore) {
        this.payments = new Payments(axon, eventStore);
    }

    @CommandHandler
    void handle(RejectDisbursementCommand command) {
        Objects.requireNonNull(command.actor(), "a rejection carries who rejects");
        String reason = Payments.reason(command.reason());
        Aggregate<Disbursement> disbursement = payments.disbursement(command.disbursementId().value());
        disbursement.execute(Disbursement::requirePending);
        Aggregate<Project> project = payments.project(disbursement.invoke(Disbursement::projectId));
        String cardNo = disbursement.invoke(Disbursement::cardNo);
        Aggregate<Household> household = cardNo == null ? null : payments.registeredHousehold(cardNo);

        reject(disbursement, project, household, reason, command.actor());
    }

    /** Settles the payment as rejected on the project, releases the household's claim and records the rejection. */
    static void reject(Aggregate<Disbursement> disbursement, Aggregate<Project> project, Aggregate<Household> household,
                       String reason, Actor actor) {
        String disbursementId = disbursement.identifierAsString();
        long amountFen = disbursement.invoke(Disbursement::amountFen);
        project.execute(p -> p.settlePayment(disbursementId, DisbursementStatus.REJECTED, amountFen,
                disbursement.invoke(Disbursement::fromFunds)));
        if (household != null) {
            household.execute(h -> h.releaseStartupGrant(disbursementId, DisbursementStatus.REJECTED));
        }
        disbursement.execute(d -> d.reject(reason, actor));
    }
}
