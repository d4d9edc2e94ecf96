package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.fieldErrors;
import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Household start-up grants (每户3000元以上的增收项目启动资金) over HTTP: batches all-or-none naming every bad item, one
 * grant per household unless reversed, eligibility, coverage, and an auditor following one grant from its
 * appropriation document to the household. Fiscal year 2052; households T-7001… in 宝珠村 (510824105203) of 白桥镇.
 */
@LedgerTest
class GrantApiTest extends LedgerApiTest {

    static final int YEAR = 2052;
    static final String VILLAGE = "510824105203";
    static final String OTHER_TOWNSHIP_VILLAGE = "510824107203";
    static final long GRANT_FEN = 3_000_00L;

    Ledger ledger;
    static String fund;
    static String projectId;
    static int vouchers;

    static String card(int n) {
        return Households.cardNo(n);
    }

    @BeforeEach
    void setUp() {
        ledger = new Ledger(api);
        if (fund == null) {
            fund = ledger.appropriate(YEAR, "INTEGRATED_AGRICULTURE", 200_000, "苍财农〔2052〕3号");
            ledger.importHouseholds(IntStream.rangeClosed(7001, 7020)
                    .mapToObj(n -> household(n).withVillageCode(n == 7020 ? OTHER_TOWNSHIP_VILLAGE : VILLAGE))
                    .toArray(Households.Row[]::new));
            projectId = ledger.propose("clerk", project("猕猴桃产业到户", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                    "[" + line(fund, 100_000) + "]"));
            ledger.approve("approver", projectId);
        }
    }

    @AfterEach
    void journalHolds() {
        ledger.assertJournalHolds();
    }

    static String voucher() {
        return "苍扶贫付〔2052〕" + (++vouchers) + "号";
    }

    static String batch(String projectId, String voucherNo, List<String> items) {
        return "{\"projectId\": \"%s\", \"voucherNo\": \"%s\", \"items\": [%s]}"
                .formatted(projectId, voucherNo, String.join(",", items));
    }

    static String item(int n, long fen) {
        return "{\"cardNo\": \"%s\", \"amountFen\": %d}".formatted(card(n), fen);
    }

    @Test
    void aBatchIsRequestedAndApprovedTogetherAndCoverageCountsTheHouseholds() {
        Api.Response submitted = api.as("clerk").post("/api/grants/batches", batch(projectId, voucher(),
                IntStream.rangeClosed(7001, 7005).mapToObj(n -> item(n, GRANT_FEN)).toList()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.json().path("disbursementIds")).hasSize(5);
        String batchId = submitted.json().path("batchId").asText();
        assertProblem(api.as("clerk").post("/api/grants/batches/" + batchId + "/approve", "{}"), 403, "FORBIDDEN");
        // The ledger lists the five households on their village's grant list; they are paid after its period.
        String grantList = Ledger.grantListNotice(batchId, VILLAGE);
        JsonNode notice = ledger.awaitNotice(grantList);
        assertThat(notice.path("content").path("kind").asText()).isEqualTo("GRANT_LIST");
        assertThat(notice.path("content").path("rows").findValuesAsText("item"))
                .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(
                        submitted.json().path("disbursementIds").spliterator(), false).map(JsonNode::asText).toList());
        assertProblem(api.as("approver").post("/api/grants/batches/" + batchId + "/approve", "{}"), 409,
                "DISCLOSURE_PERIOD_OPEN");
        ledger.afterPublicity(grantList);

        Api.Response approved = api.as("approver").post("/api/grants/batches/" + batchId + "/approve", "{}");

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("approved").asInt()).isEqualTo(5);
        assertThat(approved.json().path("totalFen").asLong()).isEqualTo(5 * GRANT_FEN);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode coverage = api.as("reviewer").get("/api/grants/coverage?level=village&code=" + VILLAGE).json();
            // 19 households live there; another test exits one of them.
            assertThat(coverage.path("registered").asLong()).isBetween(18L, 19L);
            assertThat(coverage.path("granted").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(coverage.path("grantedFen").asLong()).isGreaterThanOrEqualTo(5 * GRANT_FEN);
        });
        JsonNode county = api.as("reviewer").get("/api/grants/coverage?level=county").json();
        assertThat(county.path("granted").asLong()).isGreaterThanOrEqualTo(5);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode household = api.as("clerk").get("/api/households/" + card(7001)).json();
            assertThat(household.path("grants").findValuesAsText("status")).contains("APPROVED");
        });
    }

    @Test
    void aHouseholdGetsOneStartUpGrantAndABatchNamingOneThatHasOneIsRefusedWhole() {
        ledger.requestDisbursement("clerk", projectId, "cardNo", card(7006), GRANT_FEN, voucher());
        long before = events.count();

        Api.Response refused = api.as("clerk").post("/api/grants/batches", batch(projectId, voucher(),
                List.of(item(7007, GRANT_FEN), item(7006, GRANT_FEN), item(7008, GRANT_FEN))));

        JsonNode problem = assertProblem(refused, 409, "GRANT_BATCH_REFUSED");
        assertThat(fieldErrors(problem)).containsExactly("items[1].cardNo:DUPLICATE_STARTUP_GRANT");
        assertThat(events.count()).isEqualTo(before);
        assertProblem(api.as("clerk").post("/api/disbursements", """
                {"projectId": "%s", "cardNo": "%s", "amountFen": %d, "voucherNo": "%s"}
                """.formatted(projectId, card(7006), GRANT_FEN, voucher())), 409, "DUPLICATE_STARTUP_GRANT");
    }

    @Test
    void everyBadItemOfABatchIsNamedAndNothingIsRecorded() {
        long before = events.count();

        Api.Response refused = api.as("clerk").post("/api/grants/batches", batch(projectId, voucher(),
                List.of(item(7009, GRANT_FEN - 1), item(7010, GRANT_FEN), item(7010, GRANT_FEN))));

        JsonNode problem = assertProblem(refused, 422, "GRANT_BATCH_INVALID");
        assertThat(fieldErrors(problem)).contains("items[0].amountFen:GRANT_BELOW_MINIMUM",
                "items[2].cardNo:DUPLICATE_IN_BATCH");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void anExitedHouseholdOrOneOutsideTheProjectsTownshipIsNotEligible() {
        assertThat(api.as("clerk").post("/api/households/" + card(7011) + "/exit",
                "{\"year\": 2052, \"reason\": \"稳定脱贫\"}").status()).isEqualTo(200);

        JsonNode problem = assertProblem(api.as("clerk").post("/api/grants/batches", batch(projectId, voucher(),
                List.of(item(7011, GRANT_FEN), item(7020, GRANT_FEN), item(9999, GRANT_FEN)))), 409,
                "GRANT_BATCH_REFUSED");
        assertThat(fieldErrors(problem)).containsExactly("items[0].cardNo:HOUSEHOLD_NOT_ELIGIBLE",
                "items[1].cardNo:HOUSEHOLD_NOT_ELIGIBLE", "items[2].cardNo:HOUSEHOLD_NOT_FOUND");
    }

    @Test
    void aReversedGrantMayBeGrantedAgain() {
        String first = ledger.requestDisbursement("clerk", projectId, "cardNo", card(7012), GRANT_FEN, voucher());
        ledger.afterPublicity(Ledger.grantListNotice(first));
        assertThat(api.as("approver").post("/api/disbursements/" + first + "/approve", "{}").status()).isEqualTo(200);
        assertThat(api.as("approver").post("/api/disbursements/" + first + "/reverse",
                "{\"reason\": \"户主银行卡号错误\"}").status()).isEqualTo(200);

        String again = ledger.requestDisbursement("clerk", projectId, "cardNo", card(7012), GRANT_FEN, voucher());

        ledger.afterPublicity(Ledger.grantListNotice(again));
        assertThat(api.as("approver").post("/api/disbursements/" + again + "/approve", "{}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode grants = api.as("clerk").get("/api/households/" + card(7012)).json().path("grants");
            assertThat(grants.findValuesAsText("status")).containsExactlyInAnyOrder("REVERSED", "APPROVED");
        });
    }

    @Test
    void anAuditorFollowsOneGrantFromItsAppropriationDocumentToTheHousehold() {
        String grant = ledger.requestDisbursement("clerk", projectId, "cardNo", card(7013), GRANT_FEN, voucher());
        ledger.afterPublicity(Ledger.grantListNotice(grant));
        assertThat(api.as("approver").post("/api/disbursements/" + grant + "/approve", "{}").status()).isEqualTo(200);

        // The household received it …
        JsonNode received = awaitJson("/api/audit/accounts/PAID_HOUSEHOLD:" + card(7013) + "/postings",
                postings -> postings.size() == 1);
        assertThat(received.get(0).path("reference").asText()).isEqualTo(grant);
        assertThat(received.get(0).path("amountFen").asLong()).isEqualTo(GRANT_FEN);
        // … from this project's reservation in this fund …
        JsonNode payment = awaitJson("/api/disbursements?cardNo=" + card(7013),
                payments -> payments.size() == 1 && payments.get(0).path("decidedBy").asText().equals("approver")).get(0);
        assertThat(payment.path("projectId").asText()).isEqualTo(projectId);
        assertThat(payment.path("fromFunds").findValuesAsText("fundId")).containsExactly(fund);
        assertThat(payment.path("requestedBy").asText()).isEqualTo("clerk");
        assertThat(payment.path("decidedBy").asText()).isEqualTo("approver");
        JsonNode reserved = api.as("auditor").get("/api/audit/accounts/RESERVED:" + projectId + ":" + fund
                + "/postings").json();
        assertThat(reserved.findValuesAsText("reference")).contains(projectId, grant);
        // … which was appropriated by this document.
        JsonNode appropriated = api.as("auditor").get("/api/audit/accounts/APPROPRIATION:" + fund + "/postings").json();
        assertThat(appropriated.findValuesAsText("reference")).anySatisfy(r -> assertThat(r).contains("苍财农〔2052〕3号"));
    }

    JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response response = api.as("auditor").get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(ready.test(response.json())).as(response.body()).isTrue();
            found[0] = response.json();
        });
        return found[0];
    }

    @Nested
    class Coverage {

        @Test
        void aLevelOutsideTheThreeOrAPlaceOutsideTheCountyIsRefused() {
            assertThat(api.as("clerk").get("/api/grants/coverage?level=province").status()).isEqualTo(422);
            assertThat(api.as("clerk").get("/api/grants/coverage?level=village&code=510824999999").status())
                    .isEqualTo(404);
        }
    }
}
