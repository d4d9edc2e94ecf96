package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.ops.testing.StoredEvents.StoredEvent;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/households/{cardNo}}: staff see the ID and bank card numbers masked; an auditor sees them plain,
 * and each such view is recorded as an event naming the auditor. Households 3000-3999 belong to this class.
 */
@LedgerTest
class HouseholdPrivacyApiTest extends LedgerApiTest {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(15);
    private static final String VIEWED = "HouseholdPersonalDataViewedEvent";


    /** Imports the rows and waits until a clerk can read each of them. */
    private void registered(Row... rows) {
        Api.Response imported = api.as("clerk").postCsv("/api/households/imports", csv(rows));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        for (Row row : rows) {
            await().atMost(READ_MODEL_WAIT).untilAsserted(() ->
                    assertThat(api.as("clerk").get("/api/households/" + row.cardNo()).status()).isEqualTo(200));
        }
    }

    private static String reason(String text) {
        return "?reason=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} sees the ID and bank card numbers masked")
    @ValueSource(strings = {"clerk", "approver"})
    void staffOtherThanAuditorsSeeTheNumbersMaskedAndNothingIsRecorded(String user) {
        Row row = household(user.equals("clerk") ? 3001 : 3002);
        registered(row);

        Api.Response read = api.as(user).get("/api/households/" + row.cardNo());

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode household = read.json();
        assertThat(household.path("idNumber").asText())
                .isEqualTo(row.idNumberMasked())
                .matches("\\*{14}[0-9X]{4}")
                .endsWith(row.idNumber().substring(14));
        assertThat(household.path("bankCard").asText())
                .isEqualTo(row.bankCardMasked())
                .matches("\\*{15}\\d{4}")
                .endsWith(row.bankCard().substring(15));
        assertThat(read.body()).doesNotContain(row.idNumber(), row.idNumber().substring(0, 17), row.bankCard());
        assertThat(events.of(HouseholdCardNo.streamIdOf(row.cardNo()), VIEWED)).isEmpty();
    }

    @Test
    void anAuditorSeesTheNumbersPlainAndEveryViewIsRecordedWithTheAuditorAndTheReason() {
        Row row = household(3003);
        registered(row);

        Api.Response withReason = api.as("auditor").get("/api/households/" + row.cardNo() + reason("专项审计 2016-3号"));

        assertThat(withReason.status()).as(withReason.toString()).isEqualTo(200);
        assertThat(withReason.json().path("idNumber").asText()).isEqualTo(row.idNumber());
        assertThat(withReason.json().path("bankCard").asText()).isEqualTo(row.bankCard());
        assertThat(withReason.json().path("headName").asText()).isEqualTo(row.headName());
        assertThat(withReason.json().path("status").asText()).isEqualTo("REGISTERED");
        List<StoredEvent> views = events.of(HouseholdCardNo.streamIdOf(row.cardNo()), VIEWED);
        assertThat(views).hasSize(1);
        StoredEvent view = views.get(0);
        assertThat(view.payload().path("cardNo").asText()).isEqualTo(row.cardNo());
        assertThat(view.payload().path("reason").asText()).isEqualTo("专项审计 2016-3号");
        assertThat(view.meta("actor")).isEqualTo("auditor");
        assertThat(view.meta("role")).isEqualTo("AUDITOR");
        assertThat(view.meta("reason")).isEqualTo("专项审计 2016-3号");
        assertThat(view.meta("requestId")).isEqualTo(withReason.header("X-Request-Id"));
        assertThat(view.meta("remoteAddress")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

        Api.Response withoutReason = api.as("auditor").get("/api/households/" + row.cardNo());

        assertThat(withoutReason.status()).isEqualTo(200);
        assertThat(withoutReason.json().path("idNumber").asText()).isEqualTo(row.idNumber());
        List<StoredEvent> both = events.of(HouseholdCardNo.streamIdOf(row.cardNo()), VIEWED);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).meta("actor")).isEqualTo("auditor");
        assertThat(both.get(1).payload().path("reason").isNull()).isTrue();
    }

    @Test
    void aLowerCaseCheckCharacterIsKeptAsACapitalX() {
        int n = 3100;
        while (Households.idNumber(n).charAt(17) != 'X') {
            n++;
        }
        Row upper = household(n);
        Row lower = upper.withIdNumber(upper.idNumber().toLowerCase());
        registered(lower);

        Api.Response read = api.as("auditor").get("/api/households/" + lower.cardNo());

        assertThat(read.json().path("idNumber").asText()).isEqualTo(upper.idNumber()).endsWith("X");
        assertThat(api.as("clerk").get("/api/households/" + lower.cardNo()).json().path("idNumber").asText())
                .isEqualTo(upper.idNumberMasked()).endsWith("X");
        Api.Response reimported = api.as("clerk").postCsv("/api/households/imports", csv(upper));
        assertThat(reimported.json().path("unchanged").asInt()).as(reimported.toString()).isEqualTo(1);
    }

    @Nested
    class Refusals {

        @ParameterizedTest(name = "{0} may not read a household")
        @ValueSource(strings = {"reviewer", "township"})
        void reviewersAndTownshipStaffDoNotReadHouseholds(String user) {
            Row row = household(user.equals("reviewer") ? 3201 : 3202);
            registered(row);

            Api.Response refused = api.as(user).get("/api/households/" + row.cardNo());

            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
            assertThat(refused.body()).doesNotContain(row.idNumber(), row.bankCard(), row.idNumberMasked(), row.headName());
            assertThat(events.of(HouseholdCardNo.streamIdOf(row.cardNo()), VIEWED)).isEmpty();
        }

        @Test
        void nobodyUnauthenticatedReadsAHousehold() {
            Row row = household(3203);
            registered(row);

            Api.Response refused = api.anonymous().get("/api/households/" + row.cardNo());

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(refused.body()).doesNotContain(row.idNumber(), row.bankCard(), row.headName());
        }

        @Test
        void anAuditorAskingForAnUnknownHouseholdIsToldItIsNotFoundAndNothingIsRecorded() {
            long before = events.count();

            Api.Response refused = api.as("auditor").get("/api/households/T-3299");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("HOUSEHOLD_NOT_FOUND");
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void anAuditorsViewWithAnOverlongReasonIsRefusedAndShowsNothing() {
            Row row = household(3204);
            registered(row);

            Api.Response refused = api.as("auditor").get("/api/households/" + row.cardNo() + reason("审".repeat(501)));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("REASON_INVALID");
            assertThat(refused.body()).doesNotContain(row.idNumber(), row.bankCard());
            assertThat(events.of(HouseholdCardNo.streamIdOf(row.cardNo()), VIEWED)).isEmpty();
        }
    }
}
