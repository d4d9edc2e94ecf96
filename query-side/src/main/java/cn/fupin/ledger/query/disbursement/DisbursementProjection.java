package cn.fupin.ledger.query.disbursement;

import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps every disbursement with its fund lines, and a copy of the household heads' names to show them masked.
 * Idempotent: a disbursement and its lines are stored once by id, a decision applies only as a step forward in the
 * disbursement's lifecycle ({@link Lifecycle}), and a name is stored once by card number, so a redelivered event
 * changes nothing. Timestamps are the events' own; actors are the ones the events name.
 */
@Component
@ProcessingGroup(DisbursementProjection.GROUP)
class DisbursementProjection {

    static final String GROUP = "disbursements";

    private final DisbursementRepository disbursements;
    private final DisbursementFundLineRepository lines;
    private final PayeeNameRepository names;

    DisbursementProjection(DisbursementRepository disbursements, DisbursementFundLineRepository lines,
                           PayeeNameRepository names) {
        this.disbursements = disbursements;
        this.lines = lines;
        this.names = names;
    }

    @EventHandler
    void on(HouseholdRegisteredEvent event) {
        if (names.findById(event.cardNo()).isEmpty()) {
            names.save(new PayeeNameEntity(event.cardNo(), event.headName()));
        }
    }

    @EventHandler
    void on(DisbursementRequestedEvent event, @Timestamp Instant recordedAt) {
        if (disbursements.findById(event.disbursementId()).isEmpty()) {
            disbursements.save(new DisbursementEntity(event, recordedAt));
        }
        List<BudgetLine> fromFunds = event.fromFunds();
        for (int lineNo = 0; lineNo < fromFunds.size(); lineNo++) {
            if (lines.findById(DisbursementFundLineEntity.id(event.disbursementId(), lineNo)).isEmpty()) {
                lines.save(new DisbursementFundLineEntity(event.disbursementId(), lineNo,
                        fromFunds.get(lineNo).fundId(), fromFunds.get(lineNo).amountFen()));
            }
        }
    }

    @EventHandler
    void on(DisbursementApprovedEvent event, @Timestamp Instant recordedAt) {
        move(event.disbursementId(), DisbursementStatus.APPROVED,
                d -> d.decided(event.approvedBy(), recordedAt, null));
    }

    @EventHandler
    void on(DisbursementRejectedEvent event, @Timestamp Instant recordedAt) {
        move(event.disbursementId(), DisbursementStatus.REJECTED,
                d -> d.decided(event.rejectedBy(), recordedAt, event.reason()));
    }

    @EventHandler
    void on(DisbursementReversedEvent event, @Timestamp Instant recordedAt) {
        move(event.disbursementId(), DisbursementStatus.REVERSED,
                d -> d.reversed(event.reversedBy(), recordedAt, event.reason()));
    }

    private void move(String disbursementId, DisbursementStatus next, Consumer<DisbursementEntity> change) {
        // A disbursement's events arrive in order, its request first: a decision on one not projected yet is a bug
        // (or a stream not caught up), and failing makes the processor retry instead of losing the decision.
        DisbursementEntity disbursement = disbursements.findById(disbursementId)
                .orElseThrow(() -> new IllegalStateException("decision on a disbursement not yet projected: "
                        + disbursementId));
        if (disbursement.moveTo(next)) {
            change.accept(disbursement);
            disbursements.save(disbursement);
        }
    }

    @ResetHandler
    void reset() {
        lines.deleteAllInBatch();
        disbursements.deleteAllInBatch();
        names.deleteAllInBatch();
    }
}
