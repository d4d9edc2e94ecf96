package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.fieldErrors;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects over HTTP: proposal rules, approval reserving money from every fund of a bundled budget (all or none),
 * four eyes, cancellation releasing what was reserved, the lifecycle to acceptance, and who may do what. Fiscal year
 * 2041, which no other test uses; villages of 东青镇 (510824104).
 */
@LedgerTest
class ProjectApiTest extends LedgerApiTest {

    static final int YEAR = 2041;
    static final String POOR_VILLAGE = "510824104201";
    static final String OTHER_POOR_VILLAGE = "510824104202";
    static final String NOT_POOR_VILLAGE = "510824104205";

    Ledger ledger;
    static String central;
    static String county;

    @BeforeEach
    void funds() {
        ledger = new Ledger(api);
        if (central == null) {
            central = ledger.appropriate(YEAR, "CENTRAL", 1_000_000, "财农〔2041〕1号");
            county = ledger.appropriate(YEAR, "COUNTY", 300_000, "苍财农〔2041〕1号");
            ledger.designatePoor(POOR_VILLAGE, YEAR);
            ledger.designatePoor(OTHER_POOR_VILLAGE, YEAR);
        }
    }

    String roads(String village, String budget) {
        return project("村道硬化", "ROADS", village, "VILLAGE", YEAR, budget);
    }

    @Test
    void aBundledProjectIsProposedThenApprovedReservingEveryLineFromItsFund() {
        String projectId = ledger.propose("clerk", roads(POOR_VILLAGE,
                "[" + line(central, 80_000) + "," + line(county, 20_000) + "]"));
        JsonNode proposed = ledger.projectWhen(projectId, p -> p.path("status").asText().equals("PROPOSED"));
        assertThat(proposed.path("budgetTotalFen").asLong()).isEqualTo(100_000_00L);
        assertThat(proposed.path("townshipCode").asText()).isEqualTo("510824104");
        assertThat(proposed.path("proposedBy").asText()).isEqualTo("clerk");

        Api.Response approved = api.as("approver").post("/api/projects/" + projectId + "/approve",
                "{\"approvalDocNo\": \"苍扶贫〔2041〕21号\"}");

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(events.of(central, "FundsReservedEvent")).anySatisfy(e ->
                assertThat(e.payload().path("amountFen").asLong()).isEqualTo(80_000_00L));
        assertThat(events.of(county, "FundsReservedEvent")).anySatisfy(e ->
                assertThat(e.payload().path("amountFen").asLong()).isEqualTo(20_000_00L));
        JsonNode project = ledger.projectWhen(projectId, p -> p.path("status").asText().equals("APPROVED"));
        assertThat(project.path("reservedFen").asLong()).isEqualTo(100_000_00L);
        assertThat(project.path("approvedBy").asText()).isEqualTo("approver");
        ledger.fundWhen(YEAR, county, f -> f.path("reservedFen").asLong() >= 20_000_00L
                && f.path("availableFen").asLong() == f.path("appropriatedFen").asLong() - f.path("reservedFen").asLong());
    }

    @Test
    void cancellingAnApprovedProjectReleasesExactlyWhatItReserved() {
        String projectId = ledger.propose("clerk", roads(POOR_VILLAGE, "[" + line(county, 7_000) + "]"));
        ledger.approve("approver", projectId);
        long reservedBefore = events.of(county, "FundsReservedEvent").stream()
                .filter(e -> e.payload().path("projectId").asText().equals(projectId)).count();
        assertThat(reservedBefore).isEqualTo(1);

        Api.Response cancelled = api.as("approver").post("/api/projects/" + projectId + "/cancel",
                "{\"reason\": \"选址变更\"}");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(events.of(county, "FundReservationReleasedEvent")).anySatisfy(e -> {
            assertThat(e.payload().path("projectId").asText()).isEqualTo(projectId);
            assertThat(e.payload().path("amountFen").asLong()).isEqualTo(7_000_00L);
        });
        JsonNode project = ledger.projectWhen(projectId, p -> p.path("status").asText().equals("CANCELLED"));
        assertThat(project.path("reservedFen").asLong()).isZero();
        assertThat(events.of(projectId, "ProjectCancelledEvent").get(0).metaData().path("reason").asText())
                .isEqualTo("选址变更");
    }

    @Test
    void aProjectGoesFromApprovalThroughImplementationAndCompletionToAcceptanceWhichReleasesTheUnpaidReservation() {
        String projectId = ledger.propose("clerk", roads(OTHER_POOR_VILLAGE, "[" + line(central, 5_000) + "]"));
        ledger.approve("approver", projectId);

        assertThat(api.as("clerk").post("/api/projects/" + projectId + "/start", "{}").status()).isEqualTo(200);
        assertThat(api.as("clerk").post("/api/projects/" + projectId + "/complete", "{\"note\": \"完工\"}").status())
                .isEqualTo(200);
        Api.Response accepted = api.as("approver").post("/api/projects/" + projectId + "/accept",
                "{\"result\": \"验收合格\"}");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode project = ledger.projectWhen(projectId, p -> p.path("status").asText().equals("ACCEPTED"));
        assertThat(project.path("history").findValuesAsText("step")).contains("APPROVED", "STARTED", "COMPLETED",
                "ACCEPTED");
        assertThat(events.of(central, "FundReservationReleasedEvent")).anySatisfy(e ->
                assertThat(e.payload().path("projectId").asText()).isEqualTo(projectId));
    }

    @Test
    void projectsCanBeListedByVillageAndStatus() {
        String projectId = ledger.propose("clerk", roads(OTHER_POOR_VILLAGE, "[" + line(central, 1_000) + "]"));
        ledger.projectWhen(projectId, p -> true);

        JsonNode listed = api.as("reviewer").get("/api/projects?village=" + OTHER_POOR_VILLAGE + "&status=PROPOSED").json();

        assertThat(listed.findValuesAsText("projectId")).contains(projectId);
        assertThat(listed.findValuesAsText("status")).containsOnly("PROPOSED");
    }

    @Test
    void theWorkAreasOfThePlanAreServedWithTheirLeadDepartmentsAndTargets() {
        JsonNode areas = api.as("township").get("/api/work-areas").json();

        assertThat(areas.findValuesAsText("code")).hasSize(13).startsWith("ROADS", "WATER").contains("FINANCE");
        assertThat(areas.get(0).path("leadDepartments").get(0).asText()).isEqualTo("县交通运输局");
        assertThat(areas.get(0).path("targets").asText()).isEqualTo("VILLAGE");
    }

    @Nested
    class Refusals {

        @Test
        void aVillageProjectOutsideAPoorVillageIsRefusedAndRecordsNothing() {
            long before = events.count();

            Api.Response refused = api.as("clerk").post("/api/projects",
                    roads(NOT_POOR_VILLAGE, "[" + line(central, 1_000) + "]"));

            assertProblem(refused, 409, "VILLAGE_NOT_POOR");
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void aWorkAreaAndBeneficiaryThatDisagreeAndAnUnknownFundAreAllNamed() {
            Api.Response refused = api.as("clerk").post("/api/projects", project("猕猴桃", "INDUSTRY", POOR_VILLAGE,
                    "VILLAGE", YEAR, "[" + line("FUND-510824-2041-DONATION", 1_000) + "," + line(central, 0) + "]"));

            JsonNode problem = assertProblem(refused, 422, "PROJECT_INVALID");
            assertThat(fieldErrors(problem)).contains("beneficiary:BENEFICIARY_MISMATCH",
                    "budget[0].fundId:FUND_NOT_FOUND");
        }

        @Test
        void anUnknownWorkAreaIsRefused() {
            JsonNode problem = assertProblem(api.as("clerk").post("/api/projects", project("x", "SPACE", POOR_VILLAGE,
                    "VILLAGE", YEAR, "[" + line(central, 1) + "]")), 422, "PROJECT_INVALID");
            assertThat(fieldErrors(problem)).contains("workArea:WORK_AREA_UNKNOWN");
        }

        @Test
        void theProposerMayNotApproveTheirOwnProject() {
            String projectId = ledger.propose("deputy", roads(POOR_VILLAGE, "[" + line(central, 1_000) + "]"));
            long before = events.count();

            assertProblem(api.as("deputy").post("/api/projects/" + projectId + "/approve",
                    "{\"approvalDocNo\": \"苍扶贫〔2041〕22号\"}"), 409, "SAME_REQUESTER_AND_APPROVER");
            // Nothing of the command; only the refused attempt itself, recorded for the auditors.
            assertThat(events.count()).isEqualTo(before + 1);
            assertThat(events.fourEyesRefusalsOf(projectId)).hasSize(1);
            // Somebody else may.
            ledger.approve("approver", projectId);
        }

        @Test
        void aBundledApprovalThatOneFundCannotCoverReservesNothingAtAll() {
            String projectId = ledger.propose("clerk", roads(POOR_VILLAGE,
                    "[" + line(central, 1_000) + "," + line(county, 300_001) + "]"));
            long before = events.count();

            assertProblem(api.as("approver").post("/api/projects/" + projectId + "/approve",
                    "{\"approvalDocNo\": \"苍扶贫〔2041〕23号\"}"), 409, "FUND_OVERDRAWN");
            assertThat(events.count()).isEqualTo(before);
            assertThat(events.of(central, "FundsReservedEvent"))
                    .noneSatisfy(e -> assertThat(e.payload().path("projectId").asText()).isEqualTo(projectId));
        }

        @Test
        void anApprovedProjectIsNotApprovedTwice() {
            String projectId = ledger.propose("clerk", roads(POOR_VILLAGE, "[" + line(central, 10) + "]"));
            ledger.approve("approver", projectId);

            assertProblem(api.as("approver").post("/api/projects/" + projectId + "/approve",
                    "{\"approvalDocNo\": \"苍扶贫〔2041〕24号\"}"), 409, "PROJECT_NOT_APPROVABLE");
        }

        @Test
        void aProjectThatIsNotBeingImplementedCannotBeCompletedNorAnUncompletedOneAccepted() {
            String projectId = ledger.propose("clerk", roads(POOR_VILLAGE, "[" + line(central, 10) + "]"));

            assertProblem(api.as("clerk").post("/api/projects/" + projectId + "/complete", "{}"), 409,
                    "PROJECT_NOT_IMPLEMENTING");
            assertProblem(api.as("approver").post("/api/projects/" + projectId + "/accept", "{\"result\": \"合格\"}"),
                    409, "PROJECT_NOT_COMPLETED");
            assertProblem(api.as("clerk").post("/api/projects/" + projectId + "/start", "{}"), 409,
                    "PROJECT_NOT_APPROVED");
        }

        @Test
        void anUnknownProjectIsNotFound() {
            assertProblem(api.as("approver").post("/api/projects/PRJ-NO-SUCH/approve",
                    "{\"approvalDocNo\": \"苍扶贫〔2041〕25号\"}"), 404, "PROJECT_NOT_FOUND");
            assertProblem(api.as("auditor").get("/api/projects/PRJ-NO-SUCH"), 404, "PROJECT_NOT_FOUND");
        }

        @Test
        void aTownshipUserProposesOnlyInTheirOwnTownship() {
            assertProblem(api.as("township").post("/api/projects",
                    roads(POOR_VILLAGE, "[" + line(central, 10) + "]")), 403, "OTHER_TOWNSHIP");
        }

        @Test
        void eachStepIsForItsRoleOnly() {
            String projectId = ledger.propose("clerk", roads(POOR_VILLAGE, "[" + line(central, 10) + "]"));

            assertProblem(api.as("approver").post("/api/projects", roads(POOR_VILLAGE, "[" + line(central, 10) + "]")),
                    403, "FORBIDDEN");
            assertProblem(api.as("clerk").post("/api/projects/" + projectId + "/approve",
                    "{\"approvalDocNo\": \"x\"}"), 403, "FORBIDDEN");
            assertProblem(api.as("reviewer").post("/api/projects/" + projectId + "/cancel", "{\"reason\": \"x\"}"),
                    403, "FORBIDDEN");
            assertProblem(api.as("auditor").post("/api/projects/" + projectId + "/start", "{}"), 403, "FORBIDDEN");
            assertProblem(api.anonymous().get("/api/projects"), 401, "UNAUTHENTICATED");
            assertProblem(api.anonymous().get("/api/work-areas"), 401, "UNAUTHENTICATED");
        }
    }
}
