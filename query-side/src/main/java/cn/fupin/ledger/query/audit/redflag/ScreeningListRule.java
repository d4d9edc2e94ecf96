package cn.fupin.ledger.query.audit.redflag;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import cn.fupin.ledger.shared.audit.ScreeningEntry;
import cn.fupin.ledger.shared.audit.ScreeningListKind;
import cn.fupin.ledger.shared.audit.ScreeningListUploadedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * DECEASED_OR_PUBLIC_EMPLOYEE: grants paid to a household whose head's ID number is on a screening list an auditor
 * uploaded — for a list of the DECEASED, only grants approved after the date of death where the list gives one (any
 * grant where it gives none); for PUBLIC_EMPLOYEE, any grant. Lists and households meet by keyed fingerprint only:
 * the rule fingerprints a household's ID number (decrypting it in memory, never showing it) only once it has been
 * paid a grant, and remembers the answer. One finding per household and kind of list (subject the card number, key
 * the kind), HIGH, from the later of the upload and the first grant it flags; a grant reversed (the money taken back)
 * no longer counts. Dates of death compare with the approval's date in China's time zone.
 *
 * <p>Constructed with {@link #using(PersonalDataReader)} (or a function from an ID number's ciphertext and its card
 * number to the keyed fingerprint of the ID number, for tests).
 */
public final class ScreeningListRule implements RedFlagRule {

    public static final String RULE = "DECEASED_OR_PUBLIC_EMPLOYEE";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private record Household(String idNumberCiphertext, LedgerEvent registration) {
    }

    private record Listed(ScreeningListKind kind, LocalDate dateOfDeath, String listName, LedgerEvent upload) {
    }

    private record Grant(String disbursementId, String cardNo, LedgerEvent approval) {
    }

    private final BiFunction<String, String, String> idFingerprintOf;
    private final Map<String, Household> households = new HashMap<>();
    private final Map<String, String> fingerprintOfCard = new HashMap<>();
    private final Map<String, List<Listed>> listedByFingerprint = new HashMap<>();
    private final Map<String, Grant> grants = new LinkedHashMap<>();
    private final Map<String, Instant> reversedAt = new HashMap<>();

    /** {@code idFingerprintOf} maps an ID number's ciphertext and its household's card number to its fingerprint. */
    public ScreeningListRule(BiFunction<String, String, String> idFingerprintOf) {
        this.idFingerprintOf = Objects.requireNonNull(idFingerprintOf, "idFingerprintOf");
    }

    /** The rule with the ledger's personal-data key: reveal the ID number, fingerprint it as an uploaded list is. */
    public static ScreeningListRule using(PersonalDataReader reader) {
        return new ScreeningListRule((ciphertext, cardNo) -> reader.fingerprint(PersonalDataReader.ID_NUMBER,
                reader.reveal(ciphertext, cardNo, "idNumber")));
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void accept(LedgerEvent event) {
        Object payload = event.payload();
        if (payload instanceof HouseholdRegisteredEvent registered) {
            households.put(registered.cardNo(), new Household(registered.idNumberCiphertext(), event));
        } else if (payload instanceof ScreeningListUploadedEvent list) {
            for (ScreeningEntry entry : list.entries()) {
                listedByFingerprint.computeIfAbsent(entry.idFingerprint(), fingerprint -> new ArrayList<>())
                        .add(new Listed(list.kind(), entry.dateOfDeath(), list.name(), event));
            }
        } else if (payload instanceof DisbursementApprovedEvent approved && approved.cardNo() != null) {
            grants.put(approved.disbursementId(), new Grant(approved.disbursementId(), approved.cardNo(), event));
        } else if (payload instanceof DisbursementReversedEvent reversed) {
            reversedAt.putIfAbsent(reversed.disbursementId(), event.timestamp());
        }
    }

    @Override
    public List<Finding> findings(Instant now) {
        Map<String, List<Grant>> grantsByCard = new TreeMap<>();
        for (Grant grant : grants.values()) {
            Instant reversed = reversedAt.get(grant.disbursementId());
            if (!grant.approval().timestamp().isAfter(now) && (reversed == null || reversed.isAfter(now))) {
                grantsByCard.computeIfAbsent(grant.cardNo(), card -> new ArrayList<>()).add(grant);
            }
        }
        List<Finding> findings = new ArrayList<>();
        grantsByCard.forEach((card, paid) -> {
            Household household = households.get(card);
            if (household == null || listedByFingerprint.isEmpty()) {
                return;
            }
            List<Listed> listed = listedByFingerprint.getOrDefault(fingerprint(card, household), List.of()).stream()
                    .filter(entry -> !entry.upload().timestamp().isAfter(now)).toList();
            for (ScreeningListKind kind : ScreeningListKind.values()) {
                List<Listed> onLists = listed.stream().filter(entry -> entry.kind() == kind).toList();
                if (!onLists.isEmpty()) {
                    finding(card, household, kind, onLists, paid).ifPresent(findings::add);
                }
            }
        });
        return findings;
    }

    private String fingerprint(String card, Household household) {
        return fingerprintOfCard.computeIfAbsent(card,
                c -> idFingerprintOf.apply(household.idNumberCiphertext(), c));
    }

    private static Optional<Finding> finding(String card, Household household, ScreeningListKind kind,
                                                       List<Listed> onLists, List<Grant> paid) {
        LocalDate death = kind == ScreeningListKind.DECEASED ? earliestDeath(onLists) : null;
        List<Grant> flagged = paid.stream().filter(grant -> death == null
                || grant.approval().timestamp().atZone(CHINA).toLocalDate().isAfter(death)).toList();
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        List<LedgerEvent> evidence = new ArrayList<>();
        onLists.forEach(entry -> evidence.add(entry.upload()));
        evidence.add(household.registration());
        flagged.forEach(grant -> evidence.add(grant.approval()));
        evidence.sort(Comparator.comparingLong(LedgerEvent::globalIndex));
        Instant firstUpload = onLists.stream().map(entry -> entry.upload().timestamp()).min(Comparator.naturalOrder())
                .orElseThrow();
        Instant firstGrant = flagged.stream().map(grant -> grant.approval().timestamp()).min(Comparator.naturalOrder())
                .orElseThrow();
        String lists = onLists.stream().map(Listed::listName).distinct().map(name -> "«" + name + "»").toList()
                .toString();
        String summary = "household " + card + ": its head's ID number is on the " + kind + " list " + lists
                + (death == null ? "" : " (died " + death + ")") + ", and " + flagged.size()
                + (flagged.size() == 1 ? " grant was" : " grants were") + " paid "
                + (death == null ? "to it" : "after that date") + ": "
                + String.join(", ", flagged.stream().map(Grant::disbursementId).toList());
        return Optional.of(new Finding(RULE, Severity.HIGH, card, kind.name(), summary,
                firstUpload.isAfter(firstGrant) ? firstUpload : firstGrant,
                evidence.stream().map(LedgerEvent::eventId).distinct().toList()));
    }

    private static LocalDate earliestDeath(List<Listed> onLists) {
        return onLists.stream().map(Listed::dateOfDeath).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }
}
