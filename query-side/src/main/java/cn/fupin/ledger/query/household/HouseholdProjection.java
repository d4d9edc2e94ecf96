package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdStatus;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the household register as staff read it. Only masked personal numbers reach this model; the ciphertexts
 * stay in the events. Idempotent by each household's event sequence.
 */
@Component
@ProcessingGroup(HouseholdProjection.GROUP)
class HouseholdProjection {

    static final String GROUP = "households";

    private final HouseholdRepository households;
    private final HouseholdStatusChangeRepository changes;

    HouseholdProjection(HouseholdRepository households, HouseholdStatusChangeRepository changes) {
        this.households = households;
        this.changes = changes;
    }

    @EventHandler
    void on(HouseholdRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!households.existsById(event.cardNo())) {
            households.save(new HouseholdEntity(event.cardNo(), event.headName(), event.idNumberMasked(),
                    event.bankCardMasked(), event.villageCode(), event.townshipCode(), event.members(), event.migrant(),
                    recordedAt, sequence));
        }
        record(new HouseholdStatusChangeEntity(event.cardNo(), sequence, HouseholdStatus.REGISTERED, null, null, recordedAt));
    }

    @EventHandler
    void on(HouseholdExitedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        changeStatus(event.cardNo(), sequence, HouseholdStatus.EXITED);
        record(new HouseholdStatusChangeEntity(event.cardNo(), sequence, HouseholdStatus.EXITED, event.year(),
                event.reason(), recordedAt));
    }

    @EventHandler
    void on(HouseholdReturnedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        changeStatus(event.cardNo(), sequence, HouseholdStatus.RETURNED);
        record(new HouseholdStatusChangeEntity(event.cardNo(), sequence, HouseholdStatus.RETURNED, event.year(),
                event.reason(), recordedAt));
    }

    private void changeStatus(String cardNo, long sequence, HouseholdStatus status) {
        HouseholdEntity household = households.findById(cardNo)
                .orElseThrow(() -> new IllegalStateException("status change for a household not yet projected: " + cardNo));
        if (household.advanceTo(sequence)) {
            household.status(status);
            households.save(household);
        }
    }

    private void record(HouseholdStatusChangeEntity change) {
        if (!changes.existsById(change.changeId())) {
            changes.save(change);
        }
    }

    @ResetHandler
    void reset() {
        changes.deleteAllInBatch();
        households.deleteAllInBatch();
    }
}
