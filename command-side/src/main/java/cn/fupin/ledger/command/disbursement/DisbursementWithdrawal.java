package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.disclosure.ItemWithdrawal;
import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.Actor;
import cn.fupin.ledger.shared.disbursement.DisbursementId;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * An objection upheld against a disbursement a notice listed withdraws it: while it is still requested it is
 * rejected, in the resolution's unit of work, as {@link DisbursementRejecter} rejects (the project's pending amount
 * is freed, a household's start-up grant claim released). A disbursement already decided is left as it is; any other
 * item (a project, a batch) has no payment to reject here and stays held until a correction notice is published.
 */
@Component
class DisbursementWithdrawal implements ItemWithdrawal {

    private final Payments payments;

    DisbursementWithdrawal(Configuration axon, EventStore eventStore) {
        this.payments = new Payments(axon, eventStore);
    }

    @Override
    public List<String> withdraw(String item, String reason, Actor officer) {
        if (!isDisbursementId(item) || !payments.exists(item)) {
            return List.of();
        }
        Aggregate<Disbursement> disbursement = payments.disbursement(item);
        if (disbursement.invoke(Disbursement::status) != DisbursementStatus.REQUESTED) {
            return List.of();
        }
        Aggregate<Project> project = payments.project(disbursement.invoke(Disbursement::projectId));
        String cardNo = disbursement.invoke(Disbursement::cardNo);
        Aggregate<Household> household = cardNo == null ? null : payments.registeredHousehold(cardNo);
        DisbursementRejecter.reject(disbursement, project, household, reason, officer);
        return List.of(item);
    }

    private static boolean isDisbursementId(String item) {
        try {
            new DisbursementId(item);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
