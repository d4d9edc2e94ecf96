package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.ops.axon.AuditMetadata;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import cn.fupin.ledger.shared.audit.RefusedNumber;
import cn.fupin.ledger.shared.audit.SharedNumberRefusalRecordedEvent;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.ImportHouseholdRegisterCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.stereotype.Component;

/**
 * A register import refused because rows name a bank card or ID number another household holds (or another row of the
 * same file) is an attempt the red flag SHARED_PAYEE must see (代管存折, 重复享受 tried through the register): the
 * numbers are kept as the keyed fingerprints the uniqueness index uses, and masked. {@link RefusedAttempts} records it.
 */
@Component
class SharedNumberRefusals implements RefusedAttempts.Recognizer {

    static final String IMPORT_REFUSED = "HOUSEHOLD_IMPORT_INVALID";
    static final Set<String> HELD = Set.of("BANK_CARD_REGISTERED", "ID_NUMBER_REGISTERED");
    static final String DUPLICATE = "DUPLICATE_IN_FILE";

    private final PersonalDataCipher cipher;

    SharedNumberRefusals(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public RefusedAttempts.Attempt attemptOf(CommandMessage<?> command, Refusal refusal, String retryKey) {
        if (!IMPORT_REFUSED.equals(refusal.code())
                || !(command.getPayload() instanceof ImportHouseholdRegisterCommand register)) {
            return null;
        }
        List<RefusedNumber> numbers = refusedNumbers(register, refusal.problems());
        Map<String, Object> metadata = RefusedAttempts.metadataOf(command);
        String actor = (String) metadata.get(AuditMetadata.ACTOR);
        if (numbers.isEmpty() || actor == null) {
            return null;
        }
        return new RefusedAttempts.Attempt(
                RefusedAttempts.eventId("shared-number-refusal", actor, retryKey, refusal.code(), register.fileSha256()),
                new SharedNumberRefusalRecordedEvent(register.importId(), register.fileName(), register.fileSha256(),
                        numbers, actor, (String) metadata.get(AuditMetadata.ROLE),
                        (String) metadata.get(AuditMetadata.REQUEST_ID)),
                refusal.code(), metadata);
    }

    /** The refused numbers of the rows the problems name, fingerprinted and masked; other problems are left out. */
    List<RefusedNumber> refusedNumbers(ImportHouseholdRegisterCommand register, List<FieldProblem> problems) {
        Map<Integer, HouseholdRow> rows = new HashMap<>();
        register.rows().forEach(row -> rows.put(row.line(), row));
        List<RefusedNumber> numbers = new ArrayList<>();
        for (FieldProblem problem : problems) {
            HouseholdRow row = rows.get(problem.line());
            boolean numberField = "bankCard".equals(problem.field()) || "idNumber".equals(problem.field());
            if (row == null || !numberField || !(HELD.contains(problem.code()) || DUPLICATE.equals(problem.code()))) {
                continue;
            }
            boolean card = "bankCard".equals(problem.field());
            String kind = card ? PersonalDataReader.BANK_CARD : PersonalDataReader.ID_NUMBER;
            String plain = card ? row.bankCard().plain() : row.idNumber().plain();
            String masked = card ? row.bankCard().masked() : row.idNumber().masked();
            numbers.add(new RefusedNumber(row.line(), row.cardNo().value(), kind, cipher.fingerprint(kind, plain),
                    masked, problem.code()));
        }
        return numbers;
    }
}
