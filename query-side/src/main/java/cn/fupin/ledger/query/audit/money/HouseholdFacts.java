package cn.fupin.ledger.query.audit.money;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.shared.audit.RefusedNumber;
import cn.fupin.ledger.shared.audit.SharedNumberRefusalRecordedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disclosure.ObjectionFiledEvent;
import cn.fupin.ledger.shared.disclosure.ObjectionResolvedEvent;
import cn.fupin.ledger.shared.audit.AuditEventsViewedEvent;
import cn.fupin.ledger.shared.household.CadreRelativeDeclaredEvent;
import cn.fupin.ledger.shared.household.HouseholdBankCardCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdPersonalDataViewedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A household's page of facts, folded from every event that names its card: its registration and each later
 * correction (a re-import that changed it, a corrected bank card or village), exits and returns, declared cadre relatives, grants requested, approved,
 * rejected and reversed, objections filed about it (about its card or one of its payments) and their resolution,
 * every view of its unmasked personal data, and refused imports that gave it a number another household holds. ID
 * and bank card numbers appear as the events hold them masked; ciphertexts and objectors' contacts never.
 */
final class HouseholdFacts {

    private final String cardNo;
    private final List<HouseholdFact> facts = new ArrayList<>();
    /** Its payments and objections, so that objections about them are its facts too. */
    private final Set<String> items = new HashSet<>();

    HouseholdFacts(String cardNo) {
        this.cardNo = cardNo;
        items.add(cardNo);
    }

    void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof HouseholdRegisteredEvent e && cardNo.equals(e.cardNo())) {
            boolean first = facts.stream().noneMatch(f -> f.fact().equals("REGISTERED"));
            add(first ? "REGISTERED" : "CORRECTED", event, "%s, village %s, %d members%s, ID %s, bank card %s, import %s"
                    .formatted(e.headName(), e.villageCode(), e.members(), e.migrant() ? ", migrant" : "",
                            e.idNumberMasked(), e.bankCardMasked(), e.importId()), null);
        } else if (payload instanceof HouseholdBankCardCorrectedEvent e && cardNo.equals(e.cardNo())) {
            add("BANK_CARD_CORRECTED", event, "bank card " + e.previousBankCardMasked() + " -> " + e.bankCardMasked()
                    + ": " + e.reason(), null);
        } else if (payload instanceof HouseholdVillageCorrectedEvent e && cardNo.equals(e.cardNo())) {
            add("VILLAGE_CORRECTED", event, "village " + e.previousVillageCode() + " -> " + e.villageCode() + ": "
                    + e.reason(), null);
        } else if (payload instanceof HouseholdExitedEvent e && cardNo.equals(e.cardNo())) {
            add("EXITED", event, e.year() + ": " + e.reason(), null);
        } else if (payload instanceof HouseholdReturnedEvent e && cardNo.equals(e.cardNo())) {
            add("RETURNED", event, e.year() + ": " + e.reason(), null);
        } else if (payload instanceof CadreRelativeDeclaredEvent e && cardNo.equals(e.cardNo())) {
            add("CADRE_RELATIVE_DECLARED", event, "cadre " + e.cadre() + " (" + e.relation() + ")"
                    + (e.reason() == null ? "" : ": " + e.reason()), null);
        } else if (payload instanceof DisbursementRequestedEvent e && mine(e.payeeKind(), e.cardNo())) {
            items.add(e.disbursementId());
            add("GRANT_REQUESTED", event, e.disbursementId() + " of project " + e.projectId() + ", voucher "
                    + e.voucherNo() + (e.batchId() == null ? "" : ", batch " + e.batchId()), e.amountFen());
        } else if (payload instanceof DisbursementApprovedEvent e && mine(e.payeeKind(), e.cardNo())) {
            add("GRANT_APPROVED", event, e.disbursementId() + " of project " + e.projectId(), e.amountFen());
        } else if (payload instanceof DisbursementRejectedEvent e && cardNo.equals(e.cardNo())) {
            add("GRANT_REJECTED", event, e.disbursementId() + ": " + e.reason(), null);
        } else if (payload instanceof DisbursementReversedEvent e && mine(e.payeeKind(), e.cardNo())) {
            add("GRANT_REVERSED", event, e.disbursementId() + ": " + e.reason(), e.amountFen());
        } else if (payload instanceof HouseholdStartupGrantClaimedEvent e && cardNo.equals(e.cardNo())) {
            add("STARTUP_GRANT_CLAIMED", event, e.disbursementId() + " of project " + e.projectId(), e.amountFen());
        } else if (payload instanceof HouseholdStartupGrantReleasedEvent e && cardNo.equals(e.cardNo())) {
            add("STARTUP_GRANT_RELEASED", event, e.disbursementId() + ": " + e.outcome(), null);
        } else if (payload instanceof ObjectionFiledEvent e && items.contains(e.item())) {
            items.add(e.objectionId());
            add("OBJECTION_FILED", event, e.objectionId() + " on notice " + e.noticeId() + " about " + e.item()
                    + ": " + e.text(), null);
        } else if (payload instanceof ObjectionResolvedEvent e && items.contains(e.objectionId())) {
            add("OBJECTION_RESOLVED", event, e.objectionId() + " " + e.outcome() + ": " + e.reason(), null);
        } else if (payload instanceof HouseholdPersonalDataViewedEvent e && cardNo.equals(e.cardNo())) {
            add("PERSONAL_DATA_VIEWED", event, e.reason() == null ? "" : e.reason(), null);
        } else if (payload instanceof AuditEventsViewedEvent e && cardNo.equals(e.subject())
                && e.personalDataRevealed()) {
            // The event history asked for this household, with its numbers in plain text. A view filtered otherwise
            // (a village, an actor) names no household: the history shows it under its own id only.
            add("PERSONAL_DATA_VIEWED", event, "event history, " + e.events() + " events as " + e.format(), null);
        } else if (payload instanceof SharedNumberRefusalRecordedEvent e) {
            for (RefusedNumber number : e.numbers()) {
                if (cardNo.equals(number.cardNo())) {
                    add("SHARED_NUMBER_REFUSED", event, "import " + e.fileName() + " line " + number.line() + ": "
                            + number.kind() + " " + number.masked() + " " + number.code(), null);
                }
            }
        }
    }

    private boolean mine(PayeeKind kind, String payee) {
        return kind == PayeeKind.HOUSEHOLD && cardNo.equals(payee);
    }

    private void add(String fact, LedgerEvent event, String detail, Long amountFen) {
        facts.add(new HouseholdFact(fact, event.eventId(), event.globalIndex(), event.timestamp(), event.meta("actor"),
                event.meta("role"), event.type(), detail, amountFen));
    }

    boolean registered() {
        return facts.stream().anyMatch(f -> f.fact().equals("REGISTERED"));
    }

    List<HouseholdFact> facts() {
        return facts;
    }
}
