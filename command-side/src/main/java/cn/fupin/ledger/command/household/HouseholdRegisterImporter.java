package cn.fupin.ledger.command.household;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.HouseholdImportResult;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.ImportHouseholdRegisterCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import cn.fupin.ledger.shared.household.HouseholdRegisterImportedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

    @CommandHandler
    HouseholdImportResult handle(ImportHouseholdRegisterCommand command) {
        Repository<Household> households = axon.repository(Household.class);
        List<FieldProblem> problems = new ArrayList<>(command.rowProblems());
        List<HouseholdRow> fresh = new ArrayList<>();
        int unchanged = 0;

        Map<String, Integer> cardLines = new HashMap<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<String, Integer> bankLines = new HashMap<>();
        for (HouseholdRow row : command.rows()) {
            duplicateInFile(cardLines, row.cardNo().value(), row.line(), "cardNo", problems);
            duplicateInFile(idLines, row.idNumber().plain(), row.line(), "idNumber", problems);
            duplicateInFile(bankLines, row.bankCard().plain(), row.line(), "bankCard", problems);
            if (!gazetteer.hasVillage(row.villageCode().value())) {
                problems.add(FieldProblem.atLine(row.line(), "villageCode", "VILLAGE_UNKNOWN",
                        "no village of the county has this code"));
            }
        }

        for (HouseholdRow row : command.rows()) {
            String card = row.cardNo().value();
            if (eventStore.lastSequenceNumberFor(card).isPresent()) {
                boolean same = households.load(card).invoke(household -> household.sameAs(row, cipher));
                if (same) {
                    unchanged++;
                } else {
                    problems.add(FieldProblem.atLine(row.line(), "cardNo", "CARD_NO_REGISTERED",
                            "this card number is registered with other data; change it through its own command"));
                }
            } else {
                fresh.add(row);
            }
        }

        Map<String, HouseholdRow> rowsByFingerprint = new HashMap<>();
        Map<String, String> fieldByFingerprint = new HashMap<>();
        for (HouseholdRow row : fresh) {
            String id = cipher.fingerprint(PersonalDataIndex.Kind.ID_NUMBER.name(), row.idNumber().plain());
            String bank = cipher.fingerprint(PersonalDataIndex.Kind.BANK_CARD.name(), row.bankCard().plain());
            rowsByFingerprint.put(id, row);
            fieldByFingerprint.put(id, "idNumber");
            rowsByFingerprint.put(bank, row);
            fieldByFingerprint.put(bank, "bankCard");
        }
        Map<String, String> holders = index.holders(rowsByFingerprint.keySet());
        holders.forEach((fingerprint, holder) -> {
            HouseholdRow row = rowsByFingerprint.get(fingerprint);
            String field = fieldByFingerprint.get(fingerprint);
            problems.add(FieldProblem.atLine(row.line(), field,
                    field.equals("idNumber") ? "ID_NUMBER_REGISTERED" : "BANK_CARD_REGISTERED",
                    "another registered household holds this " + (field.equals("idNumber") ? "ID number" : "bank card")));
        });

        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(FieldProblem::line).thenComparing(FieldProblem::field));
            throw Refusal.invalid("HOUSEHOLD_IMPORT_INVALID",
                    "the register was not imported: " + problems.size() + " problem(s) in the file", problems);
        }

        for (HouseholdRow row : fresh) {
            String card = row.cardNo().value();
            try {
                households.newInstance(() -> new Household(row, command.importId(), cipher));
            } catch (Exception e) {
                throw new IllegalStateException("could not register household from line " + row.line(), e);
            }
            index.claim(cipher.fingerprint(PersonalDataIndex.Kind.ID_NUMBER.name(), row.idNumber().plain()),
                    PersonalDataIndex.Kind.ID_NUMBER, card);
            index.claim(cipher.fingerprint(PersonalDataIndex.Kind.BANK_CARD.name(), row.bankCard().plain()),
                    PersonalDataIndex.Kind.BANK_CARD, card);
        }
        if (!fresh.isEmpty()) {
            eventStore.publish(GenericEventMessage.asEventMessage(new HouseholdRegisterImportedEvent(command.importId(),
                    command.fileName(), command.fileSha256(), command.rows().size(), fresh.size(), unchanged)));
        }
        return new HouseholdImportResult(fresh.size(), unchanged);
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
