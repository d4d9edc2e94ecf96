package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.fieldErrors;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One competitive round over HTTP, as the story goes: assessments of the year before, projects proposed by two
 * townships, the round opened, proposals submitted (own township only, before the deadline), scored by two reviewers
 * (one with a declared conflict), closed after the deadline with an exact ranking, recomputed from the events, and the
 * winners approved. The steps share one round, so they run in order. Fiscal year 2044 (assessments of 2043).
 */
@LedgerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompetitionApiTest extends LedgerApiTest {

    static final int YEAR = 2044;
    static final String T1 = "510824100";
    static final String T2 = "510824102";
    static final String VILLAGE_1 = "510824100205";
    static final String VILLAGE_2 = "510824102204";
    static final String BENEFIT = "带贫成效";

    static String fund;
    static String otherFund;
    static String round;
    static Instant deadline;
    static String projectA;
    static String projectB;
    static String projectC;
    static String projectD;
    static String unfunded;

    Ledger ledger() {
        return new Ledger(api);
    }

    static String criteria(int assessmentWeight, int benefitWeight) {
        return "[{\"name\": \"TOWNSHIP_ASSESSMENT\", \"weight\": %d}, {\"name\": \"%s\", \"weight\": %d}]"
                .formatted(assessmentWeight, BENEFIT, benefitWeight);
    }

    static String openRequest(String fundId, long budgetYuan, String criteria, Instant deadline) {
        return """
                {"fiscalYear": %d, "fundId": "%s", "budgetFen": %d, "criteria": %s, "deadline": "%s",
                 "name": "2044年度竞争立项（测试）"}
                """.formatted(YEAR, fundId, budgetYuan * 100, criteria, deadline);
    }

    Api.Response score(String reviewer, String projectId, String scores) {
        return api.as(reviewer).post("/api/competitions/" + round + "/proposals/" + projectId + "/scores",
                "{\"scores\": " + scores + "}");
    }

    Api.Response submit(String user, String projectId) {
        return api.as(user).post("/api/competitions/" + round + "/proposals", "{\"projectId\": \"" + projectId + "\"}");
    }

    @Test
    @Order(1)
    void theCountyPreparesFundsPoorVillagesAssessmentsAndTheTownshipsPropose() {
        Ledger ledger = ledger();
        fund = ledger.appropriate(YEAR, "PROVINCIAL", 5_000, "川财农〔2044〕1号");
        otherFund = ledger.appropriate(YEAR, "MUNICIPAL", 5_000, "广财农〔2044〕1号");
        ledger.designatePoor(VILLAGE_1, YEAR);
        ledger.designatePoor(VILLAGE_2, YEAR);
        assertThat(api.as("clerk").post("/api/townships/" + T1 + "/assessments",
                "{\"year\": 2043, \"score\": 90, \"documentNo\": \"苍委办〔2044〕6号\"}").status()).isEqualTo(201);
        assertThat(api.as("clerk").post("/api/townships/" + T2 + "/assessments",
                "{\"year\": 2043, \"score\": 80.5, \"documentNo\": \"苍委办〔2044〕6号\"}").status()).isEqualTo(201);

        projectA = ledger.propose("township", project("产业路", "ROADS", VILLAGE_1, "VILLAGE", YEAR, "[" + line(fund, 600) + "]"));
        projectB = ledger.propose("township", project("饮水", "WATER", VILLAGE_1, "VILLAGE", YEAR, "[" + line(fund, 500) + "]"));
        projectD = ledger.propose("township", project("宽带", "INFORMATION", VILLAGE_1, "VILLAGE", YEAR, "[" + line(fund, 100) + "]"));
        projectC = ledger.propose("township2", project("山坪塘", "WATER", VILLAGE_2, "VILLAGE", YEAR, "[" + line(fund, 300) + "]"));
        unfunded = ledger.propose("township", project("文化室", "CULTURE", VILLAGE_1, "VILLAGE", YEAR, "[" + line(otherFund, 100) + "]"));
    }

    @Test
    @Order(2)
    void aRoundWhoseWeightsDoNotSumTo100OrWhoseBudgetExceedsTheFundOrWhoseDeadlinePassedIsNotOpened() {
        Instant later = ledger().now().plus(Duration.ofHours(1));
        JsonNode weights = assertProblem(api.as("clerk").post("/api/competitions",
                openRequest(fund, 1_000, criteria(60, 30), later)), 422, "COMPETITION_INVALID");
        assertThat(fieldErrors(weights)).contains("criteria:CRITERIA_WEIGHTS_NOT_100");
        assertProblem(api.as("clerk").post("/api/competitions", openRequest(fund, 5_001, criteria(60, 40), later)),
                409, "ROUND_BUDGET_EXCEEDS_FUND");
        JsonNode passed = assertProblem(api.as("clerk").post("/api/competitions",
                openRequest(fund, 1_000, criteria(60, 40), ledger().now().minusSeconds(5))), 422, "COMPETITION_INVALID");
        assertThat(fieldErrors(passed)).contains("deadline:DEADLINE_PASSED");
        assertProblem(api.as("township").post("/api/competitions", openRequest(fund, 1_000, criteria(60, 40), later)),
                403, "FORBIDDEN");
    }

    @Test
    @Order(3)
    void theClerkOpensTheRoundAndTownshipsSubmitTheirOwnProposalsOnly() {
        // The ledger's clock, not the system's: other tests of the shared context move it forward. An hour ahead, so a
        // slow machine still submits and scores before it; the test moves the clock past it when it is time.
        deadline = ledger().now().plus(Duration.ofHours(1));
        Api.Response opened = api.as("clerk").post("/api/competitions", openRequest(fund, 1_000, criteria(60, 40), deadline));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        round = opened.json().path("competitionId").asText();

        for (String projectId : List.of(projectA, projectB, projectD)) {
            assertThat(submit("township", projectId).status()).isEqualTo(201);
        }
        assertProblem(submit("township", projectC), 403, "OTHER_TOWNSHIP");
        assertThat(submit("township2", projectC).status()).isEqualTo(201);

        assertProblem(submit("clerk", projectA), 403, "FORBIDDEN");
        assertProblem(submit("township", projectA), 409, "PROJECT_IN_COMPETITION");
        assertProblem(submit("township", unfunded), 409, "NOT_FUNDED_BY_ROUND");
        assertProblem(api.as("approver").post("/api/projects/" + projectA + "/approve",
                "{\"approvalDocNo\": \"苍扶贫〔2044〕1号\"}"), 409, "PROJECT_IN_COMPETITION");
    }

    @Test
    @Order(4)
    void reviewersScoreEveryHandScoredCriterionOnceAndNeverATownshipTheyDeclaredAConflictWith() {
        JsonNode byHand = assertProblem(score("reviewer", projectA, "{\"%s\": 75, \"TOWNSHIP_ASSESSMENT\": 100}"
                .formatted(BENEFIT)), 422, "SCORES_INVALID");
        assertThat(fieldErrors(byHand)).contains("scores.TOWNSHIP_ASSESSMENT:CRITERION_NOT_SCORED_BY_HAND");
        JsonNode range = assertProblem(score("reviewer", projectC, "{\"%s\": 101, \"规模\": 5}".formatted(BENEFIT)), 422,
                "SCORES_INVALID");
        assertThat(fieldErrors(range)).contains("scores.%s:POINTS_OUT_OF_RANGE".formatted(BENEFIT),
                "scores.规模:CRITERION_UNKNOWN");
        assertThat(score("reviewer", projectA, "{\"%s\": 70}".formatted(BENEFIT)).status()).isEqualTo(201);
        assertThat(score("reviewer", projectB, "{\"%s\": 90}".formatted(BENEFIT)).status()).isEqualTo(201);
        assertThat(score("reviewer", projectC, "{\"%s\": 100}".formatted(BENEFIT)).status()).isEqualTo(201);
        assertThat(score("reviewer", projectD, "{\"%s\": 0}".formatted(BENEFIT)).status()).isEqualTo(201);

        assertThat(api.as("reviewer2").post("/api/competitions/" + round + "/conflicts",
                "{\"townshipCode\": \"" + T2 + "\"}").status()).isEqualTo(201);
        assertProblem(score("reviewer2", projectC, "{\"%s\": 0}".formatted(BENEFIT)), 403, "REVIEWER_CONFLICT");
        assertThat(score("reviewer2", projectA, "{\"%s\": 80}".formatted(BENEFIT)).status()).isEqualTo(201);
        assertThat(score("reviewer2", projectB, "{\"%s\": 70}".formatted(BENEFIT)).status()).isEqualTo(201);
        assertThat(score("reviewer2", projectD, "{\"%s\": 0}".formatted(BENEFIT)).status()).isEqualTo(201);

        assertProblem(score("reviewer", projectA, "{\"%s\": 75}".formatted(BENEFIT)), 409, "ALREADY_SCORED");
        assertProblem(score("township", projectA, "{\"%s\": 75}".formatted(BENEFIT)), 403, "FORBIDDEN");
        assertProblem(api.as("approver").post("/api/competitions/" + round + "/close", ""), 409,
                "SUBMISSIONS_STILL_OPEN");
    }

    @Test
    @Order(5)
    void afterTheDeadlineNothingMoreIsSubmittedAndTheDeadlineClosesSubmissionsOnItsOwn() {
        Ledger clock = ledger();
        if (!clock.now().isAfter(deadline)) {
            clock.advanceDays(1);
        }
        assertThat(clock.now()).isAfter(deadline);
        String late = new Ledger(api).propose("township",
                project("迟到", "ROADS", VILLAGE_1, "VILLAGE", YEAR, "[" + line(fund, 1) + "]"));

        assertProblem(submit("township", late), 409, "SUBMISSION_DEADLINE_PASSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(events.of(round, "SubmissionsClosedEvent")).hasSize(1));
    }

    @Test
    @Order(6)
    void closingRanksByWeightedScoreAndAwardsInRankOrderSkippingWhatDoesNotFit() {
        Api.Response closed = api.as("approver").post("/api/competitions/" + round + "/close", "");

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        JsonNode ranking = closed.json().path("ranking");
        // C: 60×80.50 + 40×100 = 88.3; B: 60×90 + 40×80 = 86.0; A: 60×90 + 40×75 = 84.0; D: 60×90 + 40×0 = 54.0
        assertThat(ranking.findValuesAsText("projectId")).containsExactly(projectC, projectB, projectA, projectD);
        assertThat(ranking.findValuesAsText("rank")).containsExactly("1", "2", "3", "4");
        List<String> scores = new java.util.ArrayList<>();
        ranking.forEach(line -> scores.add(line.path("score").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(scores).containsExactly("88.3", "86", "84", "54");
        // Budget 1,000 yuan: C 300 and B 500 fit, A (600) does not fit the 200 left, D (100) does.
        assertThat(ranking.findValues("awardedFen").stream().map(JsonNode::asLong))
                .containsExactly(300_00L, 500_00L, 0L, 100_00L);

        JsonNode view = awaitClosed();
        assertThat(view.path("ranking").findValuesAsText("projectId")).containsExactly(projectC, projectB, projectA, projectD);
        assertThat(new Ledger(api).projectWhen(projectA, p -> p.path("status").asText().equals("REJECTED"))).isNotNull();
        assertThat(new Ledger(api).projectWhen(projectD, p -> p.path("status").asText().equals("SELECTED"))).isNotNull();
        assertThat(events.of(round, "CompetitionClosedEvent").get(0).payload().path("assessments").findValuesAsText("townshipCode"))
                .containsExactly(T1, T2);
    }

    @Test
    @Order(7)
    void anAuditorRecomputesTheRankingFromTheEventsAndItMatches() {
        Api.Response recomputed = api.as("auditor").get("/api/competitions/" + round + "/recompute");

        assertThat(recomputed.status()).as(recomputed.toString()).isEqualTo(200);
        assertThat(recomputed.json().path("matches").asBoolean()).as(recomputed.body()).isTrue();
        assertThat(recomputed.json().path("ranking").findValuesAsText("projectId"))
                .containsExactly(projectC, projectB, projectA, projectD);
    }

    @Test
    @Order(8)
    void theWinnersAreApprovedAndTheOthersAreNotAndTheRoundClosesOnce() {
        new Ledger(api).approve("approver", projectB);
        assertProblem(api.as("approver").post("/api/projects/" + projectA + "/approve",
                "{\"approvalDocNo\": \"苍扶贫〔2044〕2号\"}"), 409, "PROJECT_NOT_APPROVABLE");
        assertProblem(api.as("approver").post("/api/competitions/" + round + "/close", ""), 409, "COMPETITION_CLOSED");
        assertProblem(score("reviewer", projectA, "{\"%s\": 1}".formatted(BENEFIT)), 409, "COMPETITION_CLOSED");
        assertProblem(api.as("approver").post("/api/competitions/CMP-NO-SUCH/close", ""), 404, "COMPETITION_NOT_FOUND");
        assertProblem(api.as("auditor").get("/api/competitions/CMP-NO-SUCH"), 404, "COMPETITION_NOT_FOUND");
    }

    JsonNode awaitClosed() {
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response response = api.as("reviewer").get("/api/competitions/" + round);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("CLOSED");
            view[0] = response.json();
        });
        return view[0];
    }
}
