package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.Aggregate;

/** What the batch handlers share. */
final class GrantBatches {

    private GrantBatches() {
    }

    /**
     * Loads (and locks) every item of the batch, in the batch's order, and returns those still requested; refuses
     * BATCH_NOT_PENDING when none is (all rejected one by one).
     */
    static List<Aggregate<Disbursement>> pendingItems(Payments payments, Aggregate<GrantBatch> batch) {
        List<Aggregate<Disbursement>> pending = new ArrayList<>();
        for (String disbursementId : batch.invoke(GrantBatch::disbursementIds)) {
            Aggregate<Disbursement> item = payments.disbursement(disbursementId);
            if (item.invoke(Disbursement::status) == DisbursementStatus.REQUESTED) {
                pending.add(item);
            }
        }
        if (pending.isEmpty()) {
            throw Refusal.conflict("BATCH_NOT_PENDING", "no item of the grant batch is waiting for a decision");
        }
        return pending;
    }
}
