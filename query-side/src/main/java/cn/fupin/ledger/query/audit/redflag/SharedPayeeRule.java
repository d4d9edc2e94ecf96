package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHARED_PAYEE (代管存折, 重复享受): one bank card (一卡通) or one ID number on more than one household, across every
 * import. Numbers are compared by their keyed fingerprint, never in plain text: the rule is handed a function that
 * opens a household's sealed number and fingerprints it, and keeps only fingerprints. The register import refuses a
 * number already held, so this should not fire for what the ledger imported itself; it proves that over the whole
 * history. The finding is about the household that held the number first, keyed by the kind of number; its summary
 * shows the number masked, as the event holds it. Severity HIGH.
 */
final class SharedPayeeRule implements RedFlagRule {

    static final String RULE = "SHARED_PAYEE";

    /** Opens the sealed number of a household's field and answers its keyed fingerprint, or null when it cannot. */
    @FunctionalInterface
    interface Fingerprints {
        String of(String kind, String ciphertext, String cardNo, String field);
    }

    private record Holder(String cardNo, String masked, String eventId, Instant at) {
    }

    private final Fingerprints fingerprints;
    /** Households by kind and fingerprint, in order of registration. */
    private final Map<String, List<Holder>> holders = new LinkedHashMap<>();

    SharedPayeeRule(Fingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        if (event.payload() instanceof HouseholdRegisteredEvent e) {
            hold(PersonalDataReader.BANK_CARD, e.bankCardCiphertext(), "bankCard", e.bankCardMasked(), e, event);
            hold(PersonalDataReader.ID_NUMBER, e.idNumberCiphertext(), "idNumber", e.idNumberMasked(), e, event);
        }
    }

    private void hold(String kind, String ciphertext, String field, String masked, HouseholdRegisteredEvent household,
                      LedgerEvent event) {
        if (ciphertext == null) {
            return;
        }
        String fingerprint = fingerprints.of(kind, ciphertext, household.cardNo(), field);
        if (fingerprint == null) {
            return;
        }
        List<Holder> same = holders.computeIfAbsent(kind + ":" + fingerprint, key -> new ArrayList<>());
        if (same.stream().noneMatch(holder -> holder.cardNo().equals(household.cardNo()))) {
            same.add(new Holder(household.cardNo(), masked, event.eventId(), event.timestamp()));
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        List<Finding> findings = new ArrayList<>();
        holders.forEach((key, same) -> {
            if (same.size() < 2) {
                return;
            }
            String kind = key.substring(0, key.indexOf(':'));
            String what = kind.equals(PersonalDataReader.BANK_CARD) ? "bank card " : "ID number ";
            findings.add(new Finding(RULE, Severity.HIGH, same.get(0).cardNo(), kind, what + same.get(0).masked()
                    + " is on " + same.size() + " households: "
                    + String.join(", ", same.stream().map(Holder::cardNo).toList()), same.get(1).at(),
                    same.stream().map(Holder::eventId).toList()));
        });
        return findings;
    }
}
