package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments to villages over HTTP: requested by a clerk against an approved project, approved by someone else, paid
 * in tranches from a bundled budget, reversed with a reason; never more than the budget left; vouchers once. After
 * every test the journal balances. Fiscal year 2051, villages of 五龙镇 (510824107).
 */
@LedgerTest
class DisbursementApiTest extends LedgerApiTest {

    static final int YEAR = 2051;
    static final String VILLAGE = "510824107203";
    static final String OTHER_VILLAGE = "510824107204";

    Ledger ledger;
    static String central;
    static String county;
    static int vouchers;

    @BeforeEach
    void funds() {
        ledger = new Ledger(api);
        if (central == null) {
            central = ledger.appropriate(YEAR, "CENTRAL", 1_000_000, "财农〔2051〕1号");
            county = ledger.appropriate(YEAR, "COUNTY", 1_000_000, "苍财农〔2051〕1号");
            ledger.designatePoor(VILLAGE, YEAR);
            ledger.designatePoor(OTHER_VILLAGE, YEAR);
        }
    }

    @AfterEach
    void journalHolds() {
        ledger.assertJournalHolds();
    }

    static String voucher() {
        return "苍扶贫付〔2051〕" + (++vouchers) + "号";
    }

    String approvedRoadProject(long centralYuan, long countyYuan) {
        String projectId = ledger.propose("clerk", project("村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(central, centralYuan) + "," + line(county, countyYuan) + "]"));
        ledger.approve("approver", projectId);
        // The village is paid only once the project's plan has been public for its whole period.
        ledger.afterPublicity(Ledger.planNotice(projectId));
        return projectId;
    }

    @Test
    void aVillageProjectIsPaidInTranchesEachRequestedByAClerkAndApprovedBySomebodyElse() {
        String projectId = approvedRoadProject(60_000, 40_000);

        String first = ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 30_000_00L, voucher());
        Api.Response approved = api.as("approver").post("/api/disbursements/" + first + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        String second = ledger.requestDisbursement("clerk2", projectId, "villageCode", VILLAGE, 50_000_00L, voucher());
        assertThat(api.as("approver").post("/api/disbursements/" + second + "/approve", "{}").status()).isEqualTo(200);

        // The second tranche takes the rest of the central line (30,000 yuan) and 20,000 yuan of the county line.
        assertThat(events.of(second, "DisbursementApprovedEvent").get(0).payload().path("fromFunds").toString())
                .contains(central, county);
        ledger.fundWhen(YEAR, central, f -> f.path("disbursedFen").asLong() >= 60_000_00L);
        JsonNode project = ledger.projectWhen(projectId, p -> p.path("paidFen").asLong() == 80_000_00L);
        assertThat(project.path("pendingFen").asLong()).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode listed = api.as("auditor").get("/api/disbursements?project=" + projectId).json();
            assertThat(listed.findValuesAsText("disbursementId")).containsExactlyInAnyOrder(first, second);
            assertThat(listed.findValuesAsText("status")).containsOnly("APPROVED");
        });
    }

    @Test
    void aReversalIsANewFactThatReturnsTheMoneyToTheProjectsBudget() {
        String projectId = approvedRoadProject(10_000, 1);
        String paid = ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 10_000_00L, voucher());
        assertThat(api.as("approver").post("/api/disbursements/" + paid + "/approve", "{}").status()).isEqualTo(200);

        Api.Response reversed = api.as("approver").post("/api/disbursements/" + paid + "/reverse",
                "{\"reason\": \"凭证金额错误，冲销重做\"}");

        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(reversed.json().path("status").asText()).isEqualTo("REVERSED");
        assertThat(events.of(paid).stream().map(e -> e.payloadType().substring(e.payloadType().lastIndexOf('.') + 1)))
                .containsExactly("DisbursementRequestedEvent", "DisbursementApprovedEvent", "DisbursementReversedEvent");
        ledger.projectWhen(projectId, p -> p.path("paidFen").asLong() == 0);
        // The money can be paid again, on a new voucher.
        ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 10_000_00L, voucher());
    }

    @Test
    void aRejectedRequestFreesItsShareOfTheBudget() {
        String projectId = approvedRoadProject(5_000, 1);
        String requested = ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 5_000_00L, voucher());
        assertProblem(api.as("clerk").post("/api/disbursements", """
                {"projectId": "%s", "villageCode": "%s", "amountFen": 101, "voucherNo": "%s"}
                """.formatted(projectId, VILLAGE, voucher())), 409, "PROJECT_BUDGET_EXCEEDED");

        Api.Response rejected = api.as("approver").post("/api/disbursements/" + requested + "/reject",
                "{\"reason\": \"缺少验收单\"}");

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 5_000_00L, voucher());
    }

    @Nested
    class Refusals {

        @Test
        void theRequesterMayNotApproveTheirOwnRequest() {
            String projectId = approvedRoadProject(1_000, 1);
            String requested = ledger.requestDisbursement("deputy", projectId, "villageCode", VILLAGE, 1_000_00L,
                    voucher());
            long before = events.count();

            assertProblem(api.as("deputy").post("/api/disbursements/" + requested + "/approve", "{}"), 409,
                    "SAME_REQUESTER_AND_APPROVER");
            // Nothing of the command; only the refused attempt itself, recorded for the auditors.
            assertThat(events.count()).isEqualTo(before + 1);
            assertThat(events.fourEyesRefusalsOf(requested)).hasSize(1);
        }

        @Test
        void neverMoreThanTheBudgetLeftAndNothingRecorded() {
            String projectId = approvedRoadProject(1_000, 1_000);
            long before = events.count();

            assertProblem(api.as("clerk").post("/api/disbursements", """
                    {"projectId": "%s", "villageCode": "%s", "amountFen": %d, "voucherNo": "%s"}
                    """.formatted(projectId, VILLAGE, 2_000_01L, voucher())), 409, "PROJECT_BUDGET_EXCEEDED");
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void aVoucherNumberIsUsedOnce() {
            String projectId = approvedRoadProject(1_000, 1);
            String voucherNo = voucher();
            ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 10_00L, voucherNo);

            assertProblem(api.as("clerk").post("/api/disbursements", """
                    {"projectId": "%s", "villageCode": "%s", "amountFen": 1000, "voucherNo": "%s"}
                    """.formatted(projectId, VILLAGE, voucherNo)), 409, "DUPLICATE_VOUCHER_NO");
        }

        @Test
        void aVillageProjectPaysOnlyItsOwnVillageAndNoHousehold() {
            String projectId = approvedRoadProject(1_000, 1);

            assertProblem(api.as("clerk").post("/api/disbursements", """
                    {"projectId": "%s", "villageCode": "%s", "amountFen": 1000, "voucherNo": "%s"}
                    """.formatted(projectId, OTHER_VILLAGE, voucher())), 409, "PAYEE_NOT_PROJECT_VILLAGE");
            assertProblem(api.as("clerk").post("/api/disbursements", """
                    {"projectId": "%s", "cardNo": "T-7001", "amountFen": 300000, "voucherNo": "%s"}
                    """.formatted(projectId, voucher())), 409, "PAYEE_KIND_MISMATCH");
        }

        @Test
        void aProjectThatIsNotApprovedPaysNothing() {
            String projectId = ledger.propose("clerk", project("村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                    "[" + line(central, 100) + "]"));

            assertProblem(api.as("clerk").post("/api/disbursements", """
                    {"projectId": "%s", "villageCode": "%s", "amountFen": 1000, "voucherNo": "%s"}
                    """.formatted(projectId, VILLAGE, voucher())), 409, "PROJECT_NOT_PAYABLE");
        }

        @Test
        void aPendingPaymentBlocksCancellation() {
            String projectId = approvedRoadProject(1_000, 1);
            ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 10_00L, voucher());

            assertProblem(api.as("approver").post("/api/projects/" + projectId + "/cancel", "{\"reason\": \"撤销\"}"),
                    409, "PAYMENTS_PENDING");
        }

        @Test
        void eachStepIsForItsRoleOnlyAndUnknownPaymentsAreNotFound() {
            String projectId = approvedRoadProject(1_000, 1);
            String requested = ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 10_00L, voucher());

            assertProblem(api.as("approver").post("/api/disbursements", """
                    {"projectId": "%s", "villageCode": "%s", "amountFen": 1000, "voucherNo": "%s"}
                    """.formatted(projectId, VILLAGE, voucher())), 403, "FORBIDDEN");
            assertProblem(api.as("clerk").post("/api/disbursements/" + requested + "/approve", "{}"), 403, "FORBIDDEN");
            assertProblem(api.as("auditor").post("/api/disbursements/" + requested + "/reverse", "{\"reason\": \"x\"}"),
                    403, "FORBIDDEN");
            assertProblem(api.as("approver").post("/api/disbursements/DSB-NO-SUCH/approve", "{}"), 404,
                    "DISBURSEMENT_NOT_FOUND");
            assertProblem(api.as("approver").post("/api/disbursements/" + requested + "/reverse",
                    "{\"reason\": \"未付款\"}"), 409, "DISBURSEMENT_NOT_APPROVED");
            assertProblem(api.as("clerk").get("/api/audit/trial-balance"), 403, "FORBIDDEN");
            assertProblem(api.anonymous().get("/api/disbursements"), 401, "UNAUTHENTICATED");
        }
    }
}
