package cn.fupin.ledger.query.audit.history;

import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataShownTest {

    static final String CARD = "T-8180";

    /** Opens "sealed:<field>:<card>:<plain>" when field and card match, as the real cipher binds them. */
    static final PersonalDataReader READER = new PersonalDataReader() {
        @Override
        public String reveal(String ciphertext, String cardNo, String field) {
            String[] parts = ciphertext.split(":");
            if (parts.length != 4 || !parts[1].equals(field) || !parts[2].equals(cardNo)) {
                throw new IllegalStateException("personal data could not be decrypted");
            }
            return parts[3];
        }

        @Override
        public String fingerprint(String kind, String plain) {
            throw new UnsupportedOperationException();
        }
    };

    final PersonalDataShown shown = new PersonalDataShown(READER, new ObjectMapper().registerModule(new JavaTimeModule()));

    private static LedgerEvent event(Object payload) {
        return new LedgerEvent(7, "event-7", payload.getClass().getSimpleName(), "1", "Household", "HH-" + CARD, 0,
                Instant.parse("2091-03-01T00:00:00Z"), payload, Map.of());
    }

    private static HouseholdRegisteredEvent registered(String idCiphertext) {
        return new HouseholdRegisteredEvent(CARD, "王建国", idCiphertext, "**************0011",
                "sealed:bankCard:" + CARD + ":6217990000000000018", "***************0018", "510824108211",
                "510824108", 3, false, "IMPORT-8180");
    }

    @Test
    void aRegistrationShowsTheIdAndBankCardInPlainTextInPlaceOfTheirCiphertexts() {
        ObjectNode payload = shown.payload(event(registered("sealed:idNumber:" + CARD + ":510824198001010011")));

        assertThat(payload.path("idNumber").asText()).isEqualTo("510824198001010011");
        assertThat(payload.path("bankCard").asText()).isEqualTo("6217990000000000018");
        assertThat(payload.has("idNumberCiphertext")).isFalse();
        assertThat(payload.has("bankCardCiphertext")).isFalse();
        assertThat(payload.path("idNumberMasked").asText()).isEqualTo("**************0011");
        List<String> names = new java.util.ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        assertThat(names.indexOf("idNumber")).isEqualTo(2);
    }

    @Test
    void aCiphertextThatDoesNotOpenIsShownAsStored() {
        ObjectNode payload = shown.payload(event(registered("sealed:idNumber:T-0000:510824198001010011")));

        assertThat(payload.path("idNumberCiphertext").asText()).isEqualTo("sealed:idNumber:T-0000:510824198001010011");
        assertThat(payload.has("idNumber")).isFalse();
        assertThat(payload.path("bankCard").asText()).isEqualTo("6217990000000000018");
    }

    @Test
    void otherEventsAreShownAsStored() {
        ObjectNode payload = shown.payload(event(new HouseholdExitedEvent(CARD, 2091, "脱贫")));

        assertThat(payload).isEqualTo(new ObjectMapper().valueToTree(new HouseholdExitedEvent(CARD, 2091, "脱贫")));
    }
}
