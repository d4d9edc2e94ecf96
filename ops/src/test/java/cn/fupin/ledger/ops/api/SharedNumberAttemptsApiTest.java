package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A register that offers a bank card another household holds is refused and records no household, but the attempt is
 * recorded on its own (SharedNumberRefusalRecordedEvent: fingerprint and masked number only, never the number) and the
 * red flag SHARED_PAYEE shows it about the holder. Households 4711 to 4713 of {@link Households}.
 */
@LedgerTest
class SharedNumberAttemptsApiTest extends LedgerApiTest {

    @Test
    void aRegisterOfferingAnotherHouseholdsCardIsRefusedAndTheAttemptRecordedOnceAndFlagged() {
        Households.Row holder = Households.household(4711);
        new Ledger(api).importHouseholds(holder);
        Households.Row borrower = Households.household(4712).withBankCard(holder.bankCard());
        String file = Households.csv(Households.household(4713), borrower);

        Api clerk = api.as("clerk").header("Idempotency-Key", "shared-card-4712");
        JsonNode refused = assertProblem(clerk.postCsv("/api/households/imports", file), 422,
                "HOUSEHOLD_IMPORT_INVALID");
        assertThat(refused.toString()).contains("BANK_CARD_REGISTERED");
        assertProblem(clerk.postCsv("/api/households/imports", file), 422, "HOUSEHOLD_IMPORT_INVALID");

        assertThat(events.ofHousehold(borrower.cardNo())).isEmpty();
        assertThat(events.ofHousehold(Households.household(4713).cardNo())).isEmpty();
        List<StoredEvent> attempts = events.ofType("SharedNumberRefusalRecordedEvent").stream()
                .filter(event -> event.payload().toString().contains(borrower.cardNo())).toList();
        assertThat(attempts).as("recorded once, the retry with the same key records nothing new").hasSize(1);
        JsonNode number = attempts.get(0).payload().path("numbers").path(0);
        assertThat(number.path("line").asInt()).isEqualTo(3);
        assertThat(number.path("kind").asText()).isEqualTo("BANK_CARD");
        assertThat(number.path("masked").asText()).isEqualTo(holder.bankCardMasked());
        assertThat(number.path("code").asText()).isEqualTo("BANK_CARD_REGISTERED");
        assertThat(attempts.get(0).payload().toString()).doesNotContain(holder.bankCard());
        assertThat(attempts.get(0).metaData().path("actor").asText()).isEqualTo("clerk");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode flags = api.as("auditor").get("/api/audit/red-flags?rule=SHARED_PAYEE&subject="
                    + holder.cardNo()).json();
            assertThat(flags.path("findings").findValuesAsText("summary")).anySatisfy(summary ->
                    assertThat(summary).contains(borrower.cardNo(), holder.bankCardMasked(), "BANK_CARD_REGISTERED")
                            .doesNotContain(holder.bankCard()));
        });
    }

    @Test
    void aRegisterRefusedForOtherReasonsRecordsNoAttempt() {
        Households.Row unknownVillage = Households.household(4714).withVillageCode(Households.NO_SUCH_VILLAGE);
        assertProblem(api.as("clerk").postCsv("/api/households/imports", Households.csv(unknownVillage)), 422,
                "HOUSEHOLD_IMPORT_INVALID");
        assertThat(events.ofType("SharedNumberRefusalRecordedEvent"))
                .noneMatch(event -> event.payload().toString().contains(unknownVillage.cardNo()));
    }
}
