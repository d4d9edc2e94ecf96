package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.disbursement.RejectGrantBatchCommand;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Rejects a grant batch with a reason: every item still requested is rejected in one unit of work with the batch, the
 * project (the pending amounts are left to pay again) and the items' households (which may be granted again).
 */
@Component
class GrantBatchRejecter {

    /** What the rejection did: {@code items} rejected. */
    record Rejected(String batchId, int items) {
    }

    private final Payments payments;

    GrantBatchRejecter(Configuration axon, EventStore eventStore) {
        this.payments = new Payments(axon, eventStore);
    }

    @CommandHandler
    Rejected handle(RejectGrantBatchCommand command) {
        Objects.requireNonNull(command.actor(), "a rejection carries who rejects");
        String reason = Payments.reason(command.reason());
        Aggregate<GrantBatch> batch = payments.batch(command.batchId().value());
        batch.execute(GrantBatch::requireUndecided);
        List<Aggregate<Disbursement>> pending = GrantBatches.pendingItems(payments, batch);
        Aggregate<Project> project = payments.project(batch.invoke(GrantBatch::projectId));
        Map<String, Aggregate<Household>> households = new TreeMap<>();
        pending.stream().map(item -> item.invoke(Disbursement::cardNo)).sorted()
                .forEach(cardNo -> households.put(cardNo, payments.registeredHousehold(cardNo)));

        for (Aggregate<Disbursement> item : pending) {
            DisbursementRejecter.reject(item, project, households.get(item.invoke(Disbursement::cardNo)), reason,
                    command.actor());
        }
        batch.execute(b -> b.reject(reason, command.actor()));
        return new Rejected(batch.identifierAsString(), pending.size());
    }
}
