package cn.fupin.ledger.query.household;

import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.household.HouseholdBankCardCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
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
 * stay in the events. Idempotent by each household's event sequence. The start-up grants a household was given come
 * from the disbursement events paid to households; they are kept by disbursement id, joined to the household when
 * answering (a grant's events and the household's are separate streams and may arrive in either order), and move only
 * forward in the disbursement's lifecycle, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(HouseholdProjection.GROUP)
class HouseholdProjection {

    static final String GROUP = "households";

    private final HouseholdRepository households;
    private final HouseholdStatusChangeRepository changes;
    private final HouseholdGrantRepository grants;

    HouseholdProjection(HouseholdRepository households, HouseholdStatusChangeRepository changes,
                        HouseholdGrantRepository grants) {
        this.households = households;
        this.changes = changes;
        this.grants = grants;
    }

    @EventHandler
    void on(HouseholdRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (households.findById(event.cardNo()).isEmpty()) {
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

    @EventHandler
    void on(HouseholdBankCardCorrectedEvent event, @SequenceNumber long sequence) {
        HouseholdEntity household = projected(event.cardNo());
        if (household.advanceTo(sequence)) {
            household.bankCardMasked(event.bankCardMasked());
            households.save(household);
        }
    }

    /** The household moves village: its head is listed in the new village's names from now on, not the old one's. */
    @EventHandler
    void on(HouseholdVillageCorrectedEvent event, @SequenceNumber long sequence) {
        HouseholdEntity household = projected(event.cardNo());
        if (household.advanceTo(sequence)) {
            household.place(event.villageCode(), event.townshipCode());
            households.save(household);
        }
    }

    private HouseholdEntity projected(String cardNo) {
        return households.findById(cardNo)
                .orElseThrow(() -> new IllegalStateException("correction of a household not yet projected: " + cardNo));
    }

    @EventHandler
    void on(DisbursementRequestedEvent event, @Timestamp Instant recordedAt) {
        if (event.payeeKind() == PayeeKind.HOUSEHOLD && grants.findById(event.disbursementId()).isEmpty()) {
            grants.save(new HouseholdGrantEntity(event.disbursementId(), event.cardNo(), event.projectId(),
                    event.amountFen(), recordedAt));
        }
    }

    @EventHandler
    void on(DisbursementApprovedEvent event) {
        if (event.payeeKind() == PayeeKind.HOUSEHOLD) {
            moveGrant(event.disbursementId(), DisbursementStatus.APPROVED);
        }
    }

    @EventHandler
    void on(DisbursementRejectedEvent event) {
        // The rejection does not name the kind of payee; only a household payee has a card number.
        if (event.cardNo() != null) {
            moveGrant(event.disbursementId(), DisbursementStatus.REJECTED);
        }
    }

    @EventHandler
    void on(DisbursementReversedEvent event) {
        if (event.payeeKind() == PayeeKind.HOUSEHOLD) {
            moveGrant(event.disbursementId(), DisbursementStatus.REVERSED);
        }
    }

    private void moveGrant(String disbursementId, DisbursementStatus next) {
        HouseholdGrantEntity grant = grants.findById(disbursementId)
                .orElseThrow(() -> new IllegalStateException("decision on a grant not yet projected: "
                        + disbursementId));
        if (grant.moveTo(next)) {
            grants.save(grant);
        }
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
        if (changes.findById(change.changeId()).isEmpty()) {
            changes.save(change);
        }
    }

    @ResetHandler
    void reset() {
        grants.deleteAllInBatch();
        changes.deleteAllInBatch();
        households.deleteAllInBatch();
    }
}
