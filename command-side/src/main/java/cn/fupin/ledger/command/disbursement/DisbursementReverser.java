package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.ReverseDisbursementCommand;
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
 * Reverses (冲销) an approved payment with a reason, in one unit of work with its funds (each takes its line back into
 * the project's reservation), the project (the amount is left to pay again) and, for a start-up grant, the household
 * (which may be granted again). The approval is never changed: the reversal is a new fact that references it
 * (DOMAIN.md, "Audit"). A project that is accepted or cancelled has given its reservations back, so nothing can be
 * reversed into it (PROJECT_CLOSED).
 */
@Component
class DisbursementReverser {

    private final Payments payments;

    DisbursementReverser(Configuration axon, EventStore eventStore) {
        this.payments = new Payments(axon, eventStore);
    }

    @CommandHandler
    void handle(ReverseDisbursementCommand command) {
        Objects.requireNonNull(command.actor(), "a reversal carries who reverses");
        String reason = Payments.reason(command.reason());
        Aggregate<Disbursement> disbursement = payments.disbursement(command.disbursementId().value());
        disbursement.execute(Disbursement::requireReversible);
        String disbursementId = disbursement.identifierAsString();
        String projectId = disbursement.invoke(Disbursement::projectId);
        long amountFen = disbursement.invoke(Disbursement::amountFen);
        List<BudgetLine> fromFunds = disbursement.invoke(Disbursement::fromFunds);
        String cardNo = disbursement.invoke(Disbursement::cardNo);

        Aggregate<Project> project = payments.project(projectId);
        project.execute(Project::requireOpenForReversal);
        Aggregate<Household> household = cardNo == null ? null : payments.registeredHousehold(cardNo);
        Map<String, Aggregate<Fund>> funds = payments.funds(Payments.fundIdsOf(fromFunds));

        for (BudgetLine line : fromFunds) {
            funds.get(line.fundId()).execute(
                    fund -> fund.reverseDisbursement(projectId, disbursementId, line.amountFen()));
        }
        project.execute(p -> p.settlePayment(disbursementId, DisbursementStatus.REVERSED, amountFen, fromFunds));
        if (household != null) {
            household.execute(h -> h.releaseStartupGrant(disbursementId, DisbursementStatus.REVERSED));
        }
        disbursement.execute(d -> d.reverse(reason, command.actor()));
    }
}
