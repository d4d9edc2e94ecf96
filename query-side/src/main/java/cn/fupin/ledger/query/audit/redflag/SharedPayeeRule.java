package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import cn.fupin.ledger.shared.audit.RefusedNumber;
import cn.fupin.ledger.shared.audit.SharedNumberRefusalRecordedEvent;
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
 *
 * <p>What the import refused is a fact too ({@link SharedNumberRefusalRecordedEvent}): each number a refused register
 * offered for another household is an attempt, MEDIUM (nothing was registered or paid), about the household that holds
 * the number (or, for two rows of one file, the first row's household), keyed {@code attempt/<kind>/<import>/<line>},
 * with the holder's registration and the recorded refusal as evidence.
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

    private record Attempt(RefusedNumber number, SharedNumberRefusalRecordedEvent refusal, String eventId, Instant at) {
    }

    private final Fingerprints fingerprints;
    private final List<Attempt> attempts = new ArrayList<>();
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
        } else if (event.payload() instanceof SharedNumberRefusalRecordedEvent e) {
            for (RefusedNumber number : e.numbers()) {
                attempts.add(new Attempt(number, e, event.eventId(), event.timestamp()));
            }
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
        for (Attempt attempt : attempts) {
            findings.add(attempted(attempt));
        }
        return findings;
    }

    private Finding attempted(Attempt attempt) {
        RefusedNumber number = attempt.number();
        List<Holder> held = holders.getOrDefault(number.kind() + ":" + number.fingerprint(), List.of());
        String what = number.kind().equals(PersonalDataReader.BANK_CARD) ? "bank card " : "ID number ";
        List<String> evidence = new ArrayList<>(held.stream().map(Holder::eventId).toList());
        evidence.add(attempt.eventId());
        String subject = held.isEmpty() ? number.cardNo() : held.get(0).cardNo();
        String heldBy = held.isEmpty() ? "another row of the same file" : "household " + held.get(0).cardNo();
        return new Finding(RULE, Severity.MEDIUM, subject,
                "attempt/" + number.kind() + "/" + attempt.refusal().importId() + "/" + number.line(),
                "a register import by " + attempt.refusal().actor() + " offered " + what + number.masked()
                        + ", held by " + heldBy + ", for household " + number.cardNo() + " (line " + number.line()
                        + ", refused " + number.code() + ")",
                attempt.at(), evidence);
    }
}
