package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.ops.testing.StoredEvents.StoredEvent;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code POST /api/households/{cardNo}/exit} and {@code /return}: a household's status changes only along
 * registered → exited → returned → exited…, each change with a year and a reason, visible in its history.
 * Households 2000-2999 belong to this class.
 */
@LedgerTest
class HouseholdStatusApiTest extends LedgerApiTest {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(15);


    private Row registered(int n) {
        Row row = household(n);
        Api.Response imported = api.as("clerk").postCsv("/api/households/imports", csv(row));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
        return row;
    }

    private static String change(int year, String reason) {
        return """
                {"year": %d, "reason": "%s"}
                """.formatted(year, reason);
    }

    private Api.Response exit(String user, Row row, int year, String reason) {
        return api.as(user).post("/api/households/" + row.cardNo() + "/exit", change(year, reason));
    }

    private Api.Response returns(String user, Row row, int year, String reason) {
        return api.as(user).post("/api/households/" + row.cardNo() + "/return", change(year, reason));
    }

    /** The household as a clerk reads it, once its history has {@code changes} entries. */
    /** The household once the read model shows {@code changes} changes and the status the last one set. */
    private JsonNode withHistoryOf(Row row, int changes, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> {
            Api.Response response = api.as("clerk").get("/api/households/" + row.cardNo());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("history")).hasSize(changes);
            assertThat(response.json().path("status").asText()).isEqualTo(status);
            found[0] = response.json();
        });
        return found[0];
    }

    private static void assertChange(JsonNode change, String status, int year, String reason) {
        assertThat(change.path("status").asText()).isEqualTo(status);
        assertThat(change.path("year").asInt()).isEqualTo(year);
        assertThat(change.path("reason").asText()).isEqualTo(reason);
        assertThat(change.path("recordedAt").asText()).isNotBlank();
    }

    @Test
    void aHouseholdExitsReturnsAndExitsAgainAndItsHistoryShowsEveryChange() {
        Row row = registered(2001);

        Api.Response exited = exit("clerk", row, 2016, "人均纯收入稳定超过扶贫标准");

        assertThat(exited.status()).as(exited.toString()).isEqualTo(200);
        assertThat(exited.json().path("cardNo").asText()).isEqualTo("T-2001");
        assertThat(exited.json().path("status").asText()).isEqualTo("EXITED");
        JsonNode afterExit = withHistoryOf(row, 2, "EXITED");
        assertThat(afterExit.path("status").asText()).isEqualTo("EXITED");
        assertThat(afterExit.path("history").get(0).path("status").asText()).isEqualTo("REGISTERED");
        assertChange(afterExit.path("history").get(1), "EXITED", 2016, "人均纯收入稳定超过扶贫标准");

        Api.Response returned = returns("clerk2", row, 2017, "因病返贫");

        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(returned.json().path("status").asText()).isEqualTo("RETURNED");
        JsonNode afterReturn = withHistoryOf(row, 3, "RETURNED");
        assertThat(afterReturn.path("status").asText()).isEqualTo("RETURNED");
        assertChange(afterReturn.path("history").get(2), "RETURNED", 2017, "因病返贫");

        assertThat(exit("clerk", row, 2018, "再次脱贫").status()).isEqualTo(200);
        JsonNode afterSecondExit = withHistoryOf(row, 4, "EXITED");
        assertThat(afterSecondExit.path("status").asText()).isEqualTo("EXITED");
        assertChange(afterSecondExit.path("history").get(3), "EXITED", 2018, "再次脱贫");
    }

    @Test
    void eachChangeIsAnEventNamingWhoChangedItAndWhy() {
        Row row = registered(2002);

        exit("clerk", row, 2016, "住房安全有保障");
        returns("clerk2", row, 2017, "因灾返贫");

        List<StoredEvent> recorded = events.of(HouseholdCardNo.streamIdOf(row.cardNo()));
        assertThat(recorded).extracting(StoredEvent::payloadType).containsExactly(
                "cn.fupin.ledger.shared.household.HouseholdRegisteredEvent",
                "cn.fupin.ledger.shared.household.HouseholdExitedEvent",
                "cn.fupin.ledger.shared.household.HouseholdReturnedEvent");
        StoredEvent exitEvent = recorded.get(1);
        assertThat(exitEvent.payload().path("year").asInt()).isEqualTo(2016);
        assertThat(exitEvent.payload().path("reason").asText()).isEqualTo("住房安全有保障");
        assertThat(exitEvent.meta("actor")).isEqualTo("clerk");
        assertThat(exitEvent.meta("role")).isEqualTo("CLERK");
        assertThat(exitEvent.meta("reason")).isEqualTo("住房安全有保障");
        assertThat(exitEvent.meta("requestId")).isNotBlank();
        StoredEvent returnEvent = recorded.get(2);
        assertThat(returnEvent.payload().path("year").asInt()).isEqualTo(2017);
        assertThat(returnEvent.meta("actor")).isEqualTo("clerk2");
        assertThat(returnEvent.meta("reason")).isEqualTo("因灾返贫");
    }

    @Test
    void aHouseholdMayReturnInTheYearItExited() {
        Row row = registered(2003);
        assertThat(exit("clerk", row, 2016, "脱贫").status()).isEqualTo(200);

        Api.Response returned = returns("clerk", row, 2016, "年内返贫");

        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(withHistoryOf(row, 3, "RETURNED").path("status").asText()).isEqualTo("RETURNED");
    }

    @Nested
    class Refusals {

        private void assertRefused(Api.Response response, int status, String code, Row row, int eventsOfHousehold) {
            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo(code);
            assertThat(events.of(HouseholdCardNo.streamIdOf(row.cardNo()))).hasSize(eventsOfHousehold);
        }

        @Test
        void aHouseholdThatExitedCannotExitAgain() {
            Row row = registered(2101);
            assertThat(exit("clerk", row, 2016, "脱贫").status()).isEqualTo(200);

            assertRefused(exit("clerk", row, 2017, "又脱贫"), 409, "HOUSEHOLD_ALREADY_EXITED", row, 2);
        }

        @Test
        void onlyAHouseholdThatExitedCanReturn() {
            Row row = registered(2102);

            assertRefused(returns("clerk", row, 2016, "返贫"), 409, "HOUSEHOLD_NOT_EXITED", row, 1);

            assertThat(exit("clerk", row, 2016, "脱贫").status()).isEqualTo(200);
            assertThat(returns("clerk", row, 2017, "返贫").status()).isEqualTo(200);
            assertRefused(returns("clerk", row, 2018, "又返贫"), 409, "HOUSEHOLD_NOT_EXITED", row, 3);
        }

        @Test
        void aChangeCannotNameAYearBeforeTheLastChange() {
            Row row = registered(2103);
            assertThat(exit("clerk", row, 2017, "脱贫").status()).isEqualTo(200);

            assertRefused(returns("clerk", row, 2016, "返贫"), 409, "YEAR_BEFORE_LAST_CHANGE", row, 2);
        }

        @Test
        void anUnknownHouseholdIsNotFound() {
            Row unknown = household(2999);

            assertRefused(exit("clerk", unknown, 2016, "脱贫"), 404, "HOUSEHOLD_NOT_FOUND", unknown, 0);
            assertRefused(returns("clerk", unknown, 2016, "返贫"), 404, "HOUSEHOLD_NOT_FOUND", unknown, 0);
            Api.Response read = api.as("clerk").get("/api/households/" + unknown.cardNo());
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.code()).isEqualTo("HOUSEHOLD_NOT_FOUND");
        }

        @Test
        void aCardNumberThatCannotExistIsNotFound() {
            Api.Response refused = api.as("clerk").post("/api/households/T_2998%21/exit", change(2016, "脱贫"));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("HOUSEHOLD_NOT_FOUND");
        }

        @Test
        void aChangeWithoutAReasonIsRefusedNamingTheReason() {
            Row row = registered(2104);

            for (String body : List.of("{\"year\": 2016}", "{\"year\": 2016, \"reason\": \"   \"}",
                    "{\"year\": 2016, \"reason\": null}")) {
                Api.Response refused = api.as("clerk").post("/api/households/" + row.cardNo() + "/exit", body);
                assertRefused(refused, 422, "VALIDATION_FAILED", row, 1);
                assertThat(refused.json().path("errors")).hasSize(1);
                assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
                assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("REQUIRED");
            }
        }

        @Test
        void aChangeNamesAYearBetween2000And2100() {
            Row row = registered(2105);

            Api.Response noYear = api.as("clerk").post("/api/households/" + row.cardNo() + "/exit",
                    "{\"reason\": \"脱贫\"}");
            Api.Response tooEarly = exit("clerk", row, 1999, "脱贫");
            Api.Response tooLate = exit("clerk", row, 2101, "脱贫");

            assertRefused(noYear, 422, "VALIDATION_FAILED", row, 1);
            assertThat(noYear.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
            assertThat(noYear.json().path("errors").get(0).path("code").asText()).isEqualTo("REQUIRED");
            for (Api.Response refused : List.of(tooEarly, tooLate)) {
                assertRefused(refused, 422, "VALIDATION_FAILED", row, 1);
                assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
                assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("OUT_OF_RANGE");
            }
        }

        @Test
        void aReasonIsAtMost500Characters() {
            Row row = registered(2106);

            Api.Response refused = exit("clerk", row, 2016, "脱".repeat(501));

            assertRefused(refused, 422, "VALIDATION_FAILED", row, 1);
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
            assertThat(exit("clerk", row, 2016, "脱".repeat(500)).status()).isEqualTo(200);
        }

        @Test
        void aFieldTheRequestDoesNotTakeIsRefused() {
            Row row = registered(2107);

            Api.Response refused = api.as("clerk").post("/api/households/" + row.cardNo() + "/exit",
                    "{\"year\": 2016, \"reason\": \"脱贫\", \"status\": \"REGISTERED\"}");

            assertRefused(refused, 400, "UNKNOWN_FIELD", row, 1);
        }
    }

    @Nested
    class Roles {

        @ParameterizedTest(name = "{0} may not record an exit or a return")
        @ValueSource(strings = {"approver", "auditor", "township", "reviewer"})
        void onlyAClerkChangesAHouseholdsStatus(String user) {
            int n = List.of("approver", "auditor", "township", "reviewer").indexOf(user);
            Row row = registered(2200 + n);
            Row exited = registered(2210 + n);
            assertThat(exit("clerk", exited, 2016, "脱贫").status()).isEqualTo(200);

            for (Api.Response refused : List.of(exit(user, row, 2016, "脱贫"), returns(user, exited, 2017, "返贫"))) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("FORBIDDEN");
            }
            assertThat(events.of(HouseholdCardNo.streamIdOf(row.cardNo()))).hasSize(1);
            assertThat(events.of(HouseholdCardNo.streamIdOf(exited.cardNo()))).hasSize(2);
        }

        @Test
        void nobodyUnauthenticatedChangesAHouseholdsStatus() {
            Row row = registered(2220);

            Api.Response refused = api.anonymous().post("/api/households/" + row.cardNo() + "/exit", change(2016, "脱贫"));

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(events.of(HouseholdCardNo.streamIdOf(row.cardNo()))).hasSize(1);
        }
    }
}
