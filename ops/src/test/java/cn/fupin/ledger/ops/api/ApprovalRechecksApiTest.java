package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.fieldErrors;
import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an approval checks again when it pays, over HTTP with the demo users: the officer who resolved an objection
 * holding a payment does not approve it (another one does: the deputy); a household that exited since its grant was
 * requested is not paid, and its batch is refused whole naming it; a grant above the project's subsidy standard is
 * refused at request. Fiscal year 2064, 金穗社区 (510824100001); households 9111 to 9120.
 */
@LedgerTest
class ApprovalRechecksApiTest extends LedgerApiTest {

    static final int YEAR = 2064;
    static final String VILLAGE = "510824100001";
    static final long GRANT_FEN = 3_000_00L;
    static final AtomicInteger ADDRESSES = new AtomicInteger();

    static String fund;
    static String grants;
    static int vouchers;

    Ledger ledger;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(api);
        if (fund == null) {
            fund = ledger.appropriate(YEAR, "CENTRAL", 1_000_000, "财农〔2064〕1号");
            ledger.importHouseholds(java.util.stream.IntStream.rangeClosed(9111, 9120)
                    .mapToObj(n -> household(n).withVillageCode(VILLAGE)).toArray(Households.Row[]::new));
            grants = ledger.propose("clerk", project("复核到户项目", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                    "[" + line(fund, 100_000) + "]"));
            ledger.approve("approver", grants);
        }
    }

    @AfterEach
    void journalHolds() {
        ledger.assertJournalHolds();
    }

    static String voucher() {
        return "苍扶贫付〔2064〕" + (++vouchers) + "号";
    }

    static String batch(String projectId, long fen, int... households) {
        StringBuilder items = new StringBuilder();
        for (int n : households) {
            items.append(items.isEmpty() ? "" : ",").append("{\"cardNo\": \"%s\", \"amountFen\": %d}"
                    .formatted(Households.cardNo(n), fen));
        }
        return "{\"projectId\": \"%s\", \"voucherNo\": \"%s\", \"items\": [%s]}".formatted(projectId, voucher(),
                items);
    }

    @Test
    void theOfficerWhoDismissedAnObjectionToAGrantDoesNotApproveItAndAnotherDoes() {
        String grant = ledger.requestDisbursement("clerk", grants, "cardNo", Households.cardNo(9111), GRANT_FEN,
                voucher());
        String list = Ledger.grantListNotice(grant);
        ledger.awaitNotice(list);
        FromAddress.Answer filed = new FromAddress(port, "127.0.7." + ADDRESSES.incrementAndGet())
                .post("/disclosure/notices/" + list + "/objections",
                        "{\"item\": \"%s\", \"text\": \"该户已外出务工\"}".formatted(grant));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Api.Response resolved = api.as("approver").post("/api/notices/" + list + "/objections/"
                + filed.json().path("objectionId").asText() + "/resolve",
                "{\"outcome\": \"DISMISSED\", \"reason\": \"经入户核实，该户仍在本村\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        ledger.afterPublicity();

        assertProblem(api.as("approver").post("/api/disbursements/" + grant + "/approve", "{}"), 409,
                "SAME_RESOLVER_AND_APPROVER");
        assertThat(events.of(grant)).hasSize(1);
        assertThat(events.fourEyesRefusalsOf(grant)).singleElement().satisfies(refusal -> assertThat(
                refusal.payload().path("code").asText()).isEqualTo("SAME_RESOLVER_AND_APPROVER"));

        Api.Response approved = api.as("deputy").post("/api/disbursements/" + grant + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(events.of(grant, "DisbursementApprovedEvent").get(0).meta("role")).isEqualTo("APPROVER");
    }

    @Test
    void aHouseholdThatExitedSinceItsRequestIsNotPaidAndItsBatchIsRefusedWholeNamingIt() {
        String single = ledger.requestDisbursement("clerk", grants, "cardNo", Households.cardNo(9112), GRANT_FEN,
                voucher());
        Api.Response submitted = api.as("clerk").post("/api/grants/batches", batch(grants, GRANT_FEN, 9113, 9114));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String batchId = submitted.json().path("batchId").asText();
        ledger.afterPublicity(Ledger.grantListNotice(single), Ledger.grantListNotice(batchId, VILLAGE));
        for (int n : new int[] {9112, 9114}) {
            Api.Response exited = api.as("clerk").post("/api/households/" + Households.cardNo(n) + "/exit",
                    "{\"year\": 2064, \"reason\": \"人均纯收入稳定超过扶贫标准\"}");
            assertThat(exited.status()).as(exited.toString()).isEqualTo(200);
        }

        assertProblem(api.as("approver").post("/api/disbursements/" + single + "/approve", "{}"), 409,
                "HOUSEHOLD_NOT_ELIGIBLE");
        JsonNode problem = assertProblem(api.as("approver").post("/api/grants/batches/" + batchId + "/approve", "{}"),
                409, "HOUSEHOLD_NOT_ELIGIBLE");
        assertThat(fieldErrors(problem)).containsExactly("items[1].cardNo:HOUSEHOLD_NOT_ELIGIBLE");
        assertThat(events.of(batchId)).hasSize(1);

        String exitedItem = submitted.json().path("disbursementIds").get(1).asText();
        Api.Response rejected = api.as("approver").post("/api/disbursements/" + exitedItem + "/reject",
                "{\"reason\": \"已脱贫退出\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        Api.Response approved = api.as("approver").post("/api/grants/batches/" + batchId + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("approved").asInt()).isEqualTo(1);
    }

    @Test
    void aGrantAboveTheProjectsSubsidyStandardIsRefusedAtRequest() {
        String standard = ledger.propose("clerk", project("标准到户项目", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 50_000) + "]").replace("\"expectedHouseholds\"",
                "\"subsidyStandardFen\": 350000, \"subsidyStandard\": \"含移民贫困户\", \"expectedHouseholds\""));
        ledger.approve("approver", standard);
        assertThat(ledger.projectWhen(standard, p -> true).path("subsidyStandard").asText())
                .isEqualTo("每户不超过3,500.00元；含移民贫困户");

        assertProblem(api.as("clerk").post("/api/disbursements", """
                {"projectId": "%s", "cardNo": "%s", "amountFen": 350001, "voucherNo": "%s"}
                """.formatted(standard, Households.cardNo(9115), voucher())), 409, "ABOVE_SUBSIDY_STANDARD");
        JsonNode refused = assertProblem(api.as("clerk").post("/api/grants/batches",
                batch(standard, 400_000L, 9116, 9117)), 409, "GRANT_BATCH_REFUSED");
        assertThat(fieldErrors(refused)).containsExactly("items[0].amountFen:ABOVE_SUBSIDY_STANDARD",
                "items[1].amountFen:ABOVE_SUBSIDY_STANDARD");

        ledger.requestDisbursement("clerk", standard, "cardNo", Households.cardNo(9115), 350_000L, voucher());
        JsonNode village = assertProblem(api.as("clerk").post("/api/projects", project("标准村道", "ROADS", VILLAGE,
                "VILLAGE", YEAR, "[" + line(fund, 1_000) + "]").replace("\"expectedHouseholds\"",
                "\"subsidyStandardFen\": 350000, \"expectedHouseholds\"")), 422, "PROJECT_INVALID");
        assertThat(fieldErrors(village)).contains("subsidyStandardFen:SUBSIDY_STANDARD_NOT_PER_HOUSEHOLD");
    }
}
