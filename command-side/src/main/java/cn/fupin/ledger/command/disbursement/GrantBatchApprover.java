package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.disclosure.PublicityHold;
import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Approves a grant batch: every item still requested is approved and paid in one unit of work with the batch, the
 * project and the funds, all or none. Items rejected one by one before are left out. The approver is not the batch's
 * requester (four eyes), and the project must still be payable. Publicity comes first: no notice listing the batch,
 * its project or an item it pays may be in its period or objected to ({@link PublicityHold}; those notices are
 * locked before the batch).
 */
@Component
class GrantBatchApprover {

    /** What the approval paid: {@code items} approved, {@code totalFen} in all. */
    record Approved(String batchId, int items, long totalFen) {
    }

    private final Payments payments;
    private final PublicityHold publicity;

    GrantBatchApprover(Configuration axon, EventStore eventStore, PublicityHold publicity) {
        this.payments = new Payments(axon, eventStore);
        this.publicity = publicity;
    }

    @CommandHandler
    Approved handle(ApproveGrantBatchCommand command) {
        Objects.requireNonNull(command.actor(), "an approval carries who approves");
        PublicityHold.Held notices = publicity.lock(payments.listedIdsOfBatch(command.batchId().value()));
        Aggregate<GrantBatch> batch = payments.batch(command.batchId().value());
        batch.execute(GrantBatch::requireUndecided);
        List<Aggregate<Disbursement>> pending = GrantBatches.pendingItems(payments, batch);
        batch.execute(b -> b.requireApprovableBy(command.actor()));
        String batchId = batch.identifierAsString();
        String projectId = batch.invoke(GrantBatch::projectId);
        // Held are the batch, its project and the items it pays now; an item rejected before is paid by nobody.
        notices.requireNoHold(Stream.concat(Stream.of(batchId, projectId),
                pending.stream().map(Aggregate::identifierAsString)).toList());

        Aggregate<Project> project = payments.project(projectId);
        project.execute(Project::requirePayable);
        // Every grant paid now was public on its household's village's grant list, naming it; a notice naming only
        // the batch (at the county, say) names no household.
        pending.forEach(item -> notices.requireDisclosed(PublicityHold.Disclosure.ofGrant(item.identifierAsString(),
                item.invoke(Disbursement::villageCode))));
        Map<String, Aggregate<Fund>> funds = payments.funds(pending.stream()
                .flatMap(item -> item.invoke(Disbursement::fromFunds).stream()).map(BudgetLine::fundId).toList());

        long totalFen = 0;
        for (Aggregate<Disbursement> item : pending) {
            String disbursementId = item.identifierAsString();
            long amountFen = item.invoke(Disbursement::amountFen);
            List<BudgetLine> fromFunds = item.invoke(Disbursement::fromFunds);
            DisbursementApprover.pay(funds, projectId, disbursementId, fromFunds);
            project.execute(p -> p.settlePayment(disbursementId, DisbursementStatus.APPROVED, amountFen, fromFunds));
            item.execute(d -> d.approveInBatch(batchId, command.actor()));
            totalFen = Math.addExact(totalFen, amountFen);
        }
        long approvedFen = totalFen;
        batch.execute(b -> b.approve(pending.size(), approvedFen, command.actor()));
        return new Approved(batchId, pending.size(), approvedFen);
    }
}
