package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An event's payload as the auditor is shown it: the payload as stored (after upcasting), with the household's
 * personal data (the {@code ...Ciphertext} fields of {@link HouseholdRegisteredEvent}, sealed to the card number)
 * decrypted in place as plain fields ({@code idNumberCiphertext} becomes {@code idNumber}, {@code bankCardCiphertext}
 * {@code bankCard}); a ciphertext that does not open (altered, or sealed under another key) is shown as stored. Only
 * the event history calls this, which only an AUDITOR reaches, and which records every view.
 * An objector's contact ({@code ObjectionFiledEvent.contactCiphertext}) stays sealed: objectors are protected, and
 * their contact is for the office that answers the objection, not for the history.
 */
@Component
class PersonalDataShown {

    /** The event types whose payload holds a household's personal data. */
    static final Set<String> TYPES = Set.of(HouseholdRegisteredEvent.class.getSimpleName());

    /** Ciphertext field → the plain field shown, and the field name the ciphertext is sealed under. */
    private static final Map<String, String> FIELDS = Map.of("idNumberCiphertext", "idNumber",
            "bankCardCiphertext", "bankCard");

    private final PersonalDataReader reader;
    private final ObjectMapper mapper;

    PersonalDataShown(PersonalDataReader reader, ObjectMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    /** The payload as JSON, with personal data in plain text where the event holds some. */
    ObjectNode payload(LedgerEvent event) {
        ObjectNode stored = mapper.valueToTree(event.payload());
        if (!(event.payload() instanceof HouseholdRegisteredEvent registered)) {
            return stored;
        }
        ObjectNode shown = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = stored.fields();
             fields.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = fields.next();
            String plainField = FIELDS.get(field.getKey());
            if (plainField == null) {
                shown.set(field.getKey(), field.getValue());
            } else if (field.getValue().isTextual()) {
                try {
                    shown.put(plainField, reader.reveal(field.getValue().asText(), registered.cardNo(), plainField));
                } catch (IllegalArgumentException | IllegalStateException unreadable) {
                    // altered, or sealed under another key: the auditor sees what is stored rather than no history
                    shown.set(field.getKey(), field.getValue());
                }
            } else {
                shown.putNull(plainField);
            }
        }
        return shown;
    }
}
