package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.disclosure.PublicityHold;
import cn.fupin.ledger.command.fund.Fund;
import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.ApproveGrantBatchCommand;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Approves a grant batch: every item still requested is approved and paid in one unit of work with the batch, the
 * project and the funds, all or none. Items rejected one by one before are left out. The approver is not the batch's
 * requester (four eyes), the project must still be payable, and no household paid may have exited since the batch
 * was requested. Publicity comes first: no notice listing the batch, its project or an item it pays may be in its
 * period or objected to, and the approver did not resolve an objection on them ({@link PublicityHold}; those notices
 * are locked before the batch).
 */
@Component
class GrantBatchApprover {

    /**
     * A batch is all or none: when the household of any item still requested has exited since the batch was
     * requested, the whole approval is refused (HOUSEHOLD_NOT_ELIGIBLE, 409), naming every such item as
     * {@code items[i].cardNo} by its place in the batch. The officer rejects those items on their own and approves
     * the batch again. Households are loaded in card-number order (the lock order), after the project.
     */
    private void requireNoneExited(List<String> itemIds, List<Aggregate<Disbursement>> pending) {
        Map<String, Aggregate<Disbursement>> byCard = new TreeMap<>();
        pending.forEach(item -> byCard.put(item.invoke(Disbursement::cardNo), item));
        Map<Integer, FieldProblem> exited = new TreeMap<>();
        byCard.forEach((cardNo, item) -> {
            if (payments.registeredHousehold(cardNo).invoke(Household::exited)) {
                int index = itemIds.indexOf(item.identifierAsString());
                exited.put(index, FieldProblem.of("items[" + index + "].cardNo", "HOUSEHOLD_NOT_ELIGIBLE",
                        "household " + cardNo + " has exited since the batch was requested; reject item "
                                + item.identifierAsString() + " on its own, then approve the batch"));
            }
        });
        if (!exited.isEmpty()) {
            throw Refusal.conflict("HOUSEHOLD_NOT_ELIGIBLE", "the batch was not approved: " + exited.size()
                    + " household(s) have exited since it was requested", List.copyOf(exited.values()));
        }
    }

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
        List<String> paid = Stream.concat(Stream.of(batchId, projectId),
                pending.stream().map(Aggregate::identifierAsString)).toList();
        notices.requireNoHold(paid);
        notices.requireNotResolvedBy(paid, command.actor());

        Aggregate<Project> project = payments.project(projectId);
        project.execute(Project::requirePayable);
        requireNoneExited(batch.invoke(GrantBatch::disbursementIds), pending);
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
