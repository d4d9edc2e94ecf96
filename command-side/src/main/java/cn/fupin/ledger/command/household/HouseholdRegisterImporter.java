package cn.fupin.ledger.command.household;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.HouseholdImportResult;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.ImportHouseholdRegisterCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import cn.fupin.ledger.shared.household.HouseholdRegisterImportedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Imports a household register file as one unit of work: one database transaction holds the events of every new
 * household and their rows in the {@link PersonalDataIndex}, so a file is recorded whole or not at all.
 *
 * <p>Rules that span households are decided here: a card number, an ID number and a bank card appear once in the
 * file and belong to one household in the ledger; a row identical to a registered household changes nothing,
 * while a row that contradicts one is refused (changes go through their own commands, so each is an event with a
 * reason). Every bad row is named, not just the first.
 */
@Component
class HouseholdRegisterImporter {

    private final Configuration axon;
    private final EventStore eventStore;
    private final PersonalDataIndex index;
    private final PersonalDataCipher cipher;
    private final Gazetteer gazetteer;

    HouseholdRegisterImporter(Configuration axon, EventStore eventStore, PersonalDataIndex index,
                              PersonalDataCipher cipher, Gazetteer gazetteer) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.index = index;
        this.cipher = cipher;
        this.gazetteer = gazetteer;
    }

    /** A new row with the keyed fingerprints of its ID and bank card numbers. */
    private record Fresh(HouseholdRow row, String idFingerprint, String bankFingerprint) {
    }

    @CommandHandler
    HouseholdImportResult handle(ImportHouseholdRegisterCommand command) {
        Repository<Household> households = axon.repository(Household.class);
        List<FieldProblem> problems = new ArrayList<>(command.rowProblems());
        checkWithinTheFile(command.rows(), problems);

        List<Fresh> fresh = new ArrayList<>();
        List<HouseholdRow> registered = new ArrayList<>();
        int unchanged = 0;
        for (HouseholdRow row : command.rows()) {
            if (eventStore.lastSequenceNumberFor(row.cardNo().streamId()).isEmpty()) {
                fresh.add(new Fresh(row,
                        cipher.fingerprint(PersonalDataIndex.Kind.ID_NUMBER.name(), row.idNumber().plain()),
                        cipher.fingerprint(PersonalDataIndex.Kind.BANK_CARD.name(), row.bankCard().plain())));
            } else if (households.load(row.cardNo().streamId()).invoke(household -> household.sameAs(row, cipher))) {
                unchanged++;
                registered.add(row);
            } else {
                problems.add(FieldProblem.atLine(row.line(), "cardNo", "CARD_NO_REGISTERED",
                        "this card number is registered with other data; change it through its own command"));
            }
        }
        checkAgainstTheIndex(fresh, problems);

        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(FieldProblem::line).thenComparing(FieldProblem::field));
            throw Refusal.invalid("HOUSEHOLD_IMPORT_INVALID",
                    "the register was not imported: " + problems.size() + " problem(s) in the file", problems);
        }

        for (Fresh household : fresh) {
            HouseholdRow row = household.row();
            try {
                households.newInstance(() -> new Household(row, command.importId(), cipher))
                        .execute(registeredHousehold -> declareCadres(registeredHousehold, row, command.importId()));
            } catch (Exception e) {
                throw new IllegalStateException("could not register household from line " + row.line(), e);
            }
            index.claim(household.idFingerprint(), PersonalDataIndex.Kind.ID_NUMBER, row.cardNo().value());
            index.claim(household.bankFingerprint(), PersonalDataIndex.Kind.BANK_CARD, row.cardNo().value());
        }
        for (HouseholdRow row : registered) {
            households.load(row.cardNo().streamId())
                    .execute(household -> declareCadres(household, row, command.importId()));
        }
        if (!fresh.isEmpty()) {
            eventStore.publish(GenericEventMessage.asEventMessage(new HouseholdRegisterImportedEvent(command.importId(),
                    command.fileName(), command.fileSha256(), command.rows().size(), fresh.size(), unchanged)));
        }
        return new HouseholdImportResult(fresh.size(), unchanged);
    }

    /**
     * Declares the head a relative of each cadre the row's {@code relatedCadres} names and the household does not
     * have declared yet: a re-import of the same file declares nothing twice.
     */
    private static void declareCadres(Household household, HouseholdRow row, String importId) {
        for (String cadre : row.relatedCadres()) {
            if (!household.relatedTo(cadre)) {
                household.declareRelatedCadre(cadre, null, null, importId);
            }
        }
    }

    /** Card numbers, ID numbers and bank cards once each in the file; villages of the county. */
    private void checkWithinTheFile(List<HouseholdRow> rows, List<FieldProblem> problems) {
        Map<String, Integer> cardLines = new HashMap<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<String, Integer> bankLines = new HashMap<>();
        for (HouseholdRow row : rows) {
            duplicateInFile(cardLines, row.cardNo().value(), row.line(), "cardNo", problems);
            duplicateInFile(idLines, row.idNumber().plain(), row.line(), "idNumber", problems);
            duplicateInFile(bankLines, row.bankCard().plain(), row.line(), "bankCard", problems);
            if (!gazetteer.hasVillage(row.villageCode().value())) {
                problems.add(FieldProblem.atLine(row.line(), "villageCode", "VILLAGE_UNKNOWN",
                        "no village of the county has this code"));
            }
        }
    }

    /**
     * No new row's ID number or bank card may be held by a household the ledger has registered already. A number
     * held by the row's own card means that household was registered by another request since this one looked:
     * a lost race, answered as one (the request is run again and then finds the household).
     */
    private void checkAgainstTheIndex(List<Fresh> fresh, List<FieldProblem> problems) {
        Map<String, FieldProblem> problemByFingerprint = new HashMap<>();
        Map<String, String> cardByFingerprint = new HashMap<>();
        for (Fresh household : fresh) {
            int line = household.row().line();
            problemByFingerprint.put(household.idFingerprint(), FieldProblem.atLine(line, "idNumber",
                    "ID_NUMBER_REGISTERED", "another registered household holds this ID number"));
            problemByFingerprint.put(household.bankFingerprint(), FieldProblem.atLine(line, "bankCard",
                    "BANK_CARD_REGISTERED", "another registered household holds this bank card"));
            cardByFingerprint.put(household.idFingerprint(), household.row().cardNo().value());
            cardByFingerprint.put(household.bankFingerprint(), household.row().cardNo().value());
        }
        index.holders(problemByFingerprint.keySet()).forEach((fingerprint, holder) -> {
            if (holder.equals(cardByFingerprint.get(fingerprint))) {
                throw new ConcurrencyException("household " + holder + " was registered by another request meanwhile");
            }
            problems.add(problemByFingerprint.get(fingerprint));
        });
    }

    private static void duplicateInFile(Map<String, Integer> seen, String value, int line, String field,
                                        List<FieldProblem> problems) {
        Integer first = seen.putIfAbsent(value, line);
        if (first != null) {
            problems.add(FieldProblem.atLine(line, field, "DUPLICATE_IN_FILE",
                    "the same " + field + " appears on line " + first));
        }
    }
}
