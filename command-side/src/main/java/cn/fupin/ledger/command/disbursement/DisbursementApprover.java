package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.disclosure.PublicityHold;
import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.ApproveDisbursementCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Approves (审批) a requested payment, and so makes it, in one unit of work with the project and every fund it is
 * drawn from: each fund pays its line out of what it holds reserved for the project, the project counts the payment
 * as paid, and the disbursement records the approval, all or none. The approver is not the requester (four eyes), an
 * item of a grant batch is approved only with its batch, the project must still be payable, and a household paid a
 * grant must not have exited since it was requested. Publicity comes first: no notice listing the payment, its
 * project or its batch may be in its period or objected to, and the approver did not resolve an objection on them
 * ({@link PublicityHold}; those notices are locked before the disbursement). Lock order: notices, the disbursement,
 * the project, the household, the funds.
 */
@Component
class DisbursementApprover {

    private final Payments payments;
    private final PublicityHold publicity;

    DisbursementApprover(Configuration axon, EventStore eventStore, PublicityHold publicity) {
        this.payments = new Payments(axon, eventStore);
        this.publicity = publicity;
    }

    @CommandHandler
    void handle(ApproveDisbursementCommand command) {
        Objects.requireNonNull(command.actor(), "an approval carries who approves");
        List<String> listed = payments.listedIdsOfDisbursement(command.disbursementId().value());
        PublicityHold.Held notices = publicity.lock(listed);
        Aggregate<Disbursement> disbursement = payments.disbursement(command.disbursementId().value());
        disbursement.execute(d -> d.requireApprovableBy(command.actor()));
        notices.requireNoHold(listed);
        notices.requireNotResolvedBy(listed, command.actor());
        String disbursementId = disbursement.identifierAsString();
        String projectId = disbursement.invoke(Disbursement::projectId);
        long amountFen = disbursement.invoke(Disbursement::amountFen);
        List<BudgetLine> fromFunds = disbursement.invoke(Disbursement::fromFunds);

        Aggregate<Project> project = payments.project(projectId);
        project.execute(Project::requirePayable);
        String cardNo = disbursement.invoke(Disbursement::cardNo);
        if (cardNo != null && payments.registeredHousehold(cardNo).invoke(Household::exited)) {
            throw Refusal.conflict("HOUSEHOLD_NOT_ELIGIBLE", "the household has exited since its grant was "
                    + "requested; a household that has left poverty receives no start-up grant: reject the request");
        }
        // A household's grant is public on its village's grant list naming it; a village's payment on its project's
        // plan at that village.
        String villageCode = disbursement.invoke(Disbursement::villageCode);
        notices.requireDisclosed(cardNo != null
                ? PublicityHold.Disclosure.ofGrant(disbursementId, villageCode)
                : PublicityHold.Disclosure.ofVillagePayment(disbursementId, projectId, villageCode));
        pay(payments.funds(Payments.fundIdsOf(fromFunds)), projectId, disbursementId, fromFunds);
        project.execute(p -> p.settlePayment(disbursementId, DisbursementStatus.APPROVED, amountFen, fromFunds));
        disbursement.execute(d -> d.approve(command.actor()));
    }

    /** Each fund pays its line of the payment out of its reservation for the project. */
    static void pay(Map<String, Aggregate<Fund>> funds, String projectId, String disbursementId,
                    List<BudgetLine> fromFunds) {
        for (BudgetLine line : fromFunds) {
            funds.get(line.fundId()).execute(fund -> fund.disburse(projectId, disbursementId, line.amountFen()));
        }
    }
}
