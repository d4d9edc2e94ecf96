package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Roles recorded as decided, over HTTP with the demo users: a user of several roles acts, at each endpoint, in the
 * narrowest of its roles that the endpoint allows, and that role is the one the command decides under and the events'
 * metadata names (the deputy is CLERK and APPROVER; the liaison CLERK and TOWNSHIP of 陵江镇). Reads are scoped: a
 * TOWNSHIP user lists only its own township's payments, a REVIEWER only the rounds they may score or have scored.
 * Fiscal year 2066; 陵江镇 (510824100, 金穗社区) and 云峰镇 (510824102, 烟峰楼社区); households 9131 to 9134.
 */
@LedgerTest
class ActingRoleApiTest extends LedgerApiTest {

    static final int YEAR = 2066;
    static final String LINGJIANG = "510824100";
    static final String YUNFENG = "510824102";

    static String fund;
    static String lingjiangGrants;
    static String yunfengGrants;
    static int vouchers;

    Ledger ledger;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(api);
        if (fund == null) {
            fund = ledger.appropriate(YEAR, "CENTRAL", 1_000_000, "财农〔2066〕1号");
            ledger.importHouseholds(household(9131).withVillageCode(Households.JINSUI),
                    household(9132).withVillageCode(Households.YANFENGLOU));
            lingjiangGrants = ledger.propose("clerk", householdProject("陵江镇到户", Households.JINSUI));
            yunfengGrants = ledger.propose("clerk", householdProject("云峰镇到户", Households.YANFENGLOU));
            ledger.approve("approver", lingjiangGrants);
            ledger.approve("approver", yunfengGrants);
        }
    }

    static String householdProject(String name, String village) {
        return project(name, "INDUSTRY", village, "HOUSEHOLDS", YEAR, "[" + line(fund, 10_000) + "]");
    }

    static String voucher() {
        return "苍扶贫付〔2066〕" + (++vouchers) + "号";
    }

    /** The metadata role of the event of the type that the aggregate recorded last. */
    String roleOf(String aggregateId, String eventType) {
        List<StoredEvents.StoredEvent> recorded = events.of(aggregateId, eventType);
        return recorded.get(recorded.size() - 1).meta("role");
    }

    @Test
    void theRoleInAnEventsMetadataIsTheRoleItsEndpointWasAuthorisedUnder() {
        String fundId = ledger.appropriate(YEAR, "COUNTY", 1_000, "苍财农〔2066〕2号");
        Api.Response appropriated = api.as("deputy").post("/api/funds/appropriations", """
                {"fiscalYear": 2066, "source": "COUNTY", "amountFen": 100000, "documentNo": "苍财农〔2066〕3号"}""");
        assertThat(appropriated.status()).as(appropriated.toString()).isEqualTo(201);
        assertThat(roleOf(fundId, "FundsAppropriatedEvent")).isEqualTo("CLERK");

        String byDeputy = ledger.propose("deputy", householdProject("副职申报", Households.JINSUI));
        assertThat(roleOf(byDeputy, "ProjectProposedEvent")).isEqualTo("CLERK");
        assertProblem(api.as("deputy").post("/api/projects/" + byDeputy + "/approve",
                "{\"approvalDocNo\": \"苍扶贫〔2066〕1号\"}"), 409, "SAME_REQUESTER_AND_APPROVER");
        String byClerk = ledger.propose("clerk", householdProject("经办申报", Households.JINSUI));
        ledger.approve("deputy", byClerk);
        assertThat(roleOf(byClerk, "ProjectApprovedEvent")).isEqualTo("APPROVER");

        Api.Response byLiaison = api.as("liaison").post("/api/funds/appropriations", """
                {"fiscalYear": 2066, "source": "COUNTY", "amountFen": 100000, "documentNo": "苍财农〔2066〕4号"}""");
        assertThat(byLiaison.status()).as(byLiaison.toString()).isEqualTo(201);
        assertThat(roleOf(fundId, "FundsAppropriatedEvent")).isEqualTo("CLERK");
    }

    @Test
    void aTownshipOfficialWhoIsAlsoAClerkKeepsTheTownshipRestrictionWhenActingAsTownship() {
        assertProblem(api.as("liaison").post("/api/projects", householdProject("越界申报", Households.YANFENGLOU)),
                403, "OTHER_TOWNSHIP");

        String own = ledger.propose("liaison", householdProject("本镇申报", Households.JINSUI));

        StoredEvents.StoredEvent proposed = events.of(own, "ProjectProposedEvent").get(0);
        assertThat(proposed.meta("role")).isEqualTo("TOWNSHIP");
        assertThat(proposed.meta("actor")).isEqualTo("liaison");
    }

    @Test
    void aTownshipListsOnlyItsOwnTownshipsPaymentsAndNoHousehold() {
        String lingjiang = ledger.requestDisbursement("clerk", lingjiangGrants, "cardNo", Households.cardNo(9131),
                3_000_00L, voucher());
        String yunfeng = ledger.requestDisbursement("clerk", yunfengGrants, "cardNo", Households.cardNo(9132),
                3_000_00L, voucher());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.as("clerk")
                .get("/api/disbursements?project=" + yunfengGrants).json().findValuesAsText("disbursementId"))
                .contains(yunfeng));

        for (String user : List.of("township", "liaison")) {
            // (the list's first page: other classes' payments in 陵江镇 may fill it)
            JsonNode listed = api.as(user).get("/api/disbursements").json();
            assertThat(listed.findValuesAsText("townshipCode")).as(user).isNotEmpty().containsOnly(LINGJIANG);
            assertThat(listed.findValuesAsText("disbursementId")).as(user).doesNotContain(yunfeng);
            assertThat(api.as(user).get("/api/disbursements?project=" + lingjiangGrants).json()
                    .findValuesAsText("disbursementId")).as(user).contains(lingjiang);
            assertThat(api.as(user).get("/api/disbursements?project=" + yunfengGrants).json()).as(user).isEmpty();
            assertThat(api.as(user).get("/api/disbursements?village=" + Households.YANFENGLOU).json()).isEmpty();
            assertThat(api.as(user).get("/api/disbursements?cardNo=" + Households.cardNo(9132)).json()).isEmpty();
        }
        assertThat(api.as("township2").get("/api/disbursements").json().findValuesAsText("townshipCode"))
                .isNotEmpty().containsOnly(YUNFENG);
        assertThat(api.as("clerk").get("/api/disbursements?project=" + lingjiangGrants).json()
                .findValuesAsText("disbursementId")).contains(lingjiang);
        assertThat(api.as("clerk").get("/api/disbursements?project=" + yunfengGrants).json()
                .findValuesAsText("disbursementId")).contains(yunfeng);
        assertProblem(api.as("township").get("/api/households/" + Households.cardNo(9131)), 403, "FORBIDDEN");
    }

    @Test
    void aReviewerReadsOnlyTheRoundsTheyMayScoreOrHaveScoredAndATownshipSubmitsOnlyItsOwn() {
        String provincial = ledger.appropriate(YEAR, "PROVINCIAL", 10_000, "川财农〔2066〕1号");
        String own = ledger.propose("township", project("竞争到户", "INDUSTRY", Households.JINSUI, "HOUSEHOLDS", YEAR,
                "[" + line(provincial, 1_000) + "]"));
        String other = ledger.propose("township2", project("竞争到户二", "INDUSTRY", Households.YANFENGLOU,
                "HOUSEHOLDS", YEAR, "[" + line(provincial, 1_000) + "]"));
        Api.Response opened = api.as("clerk").post("/api/competitions", """
                {"fiscalYear": 2066, "fundId": "%s", "budgetFen": 500000, "deadline": "%s",
                 "criteria": [{"name": "带贫成效", "weight": 100}]}""".formatted(provincial,
                ledger.now().plus(Duration.ofDays(1))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String round = opened.json().path("competitionId").asText();
        assertProblem(api.as("liaison").post("/api/competitions/" + round + "/proposals",
                "{\"projectId\": \"" + other + "\"}"), 403, "OTHER_TOWNSHIP");
        assertThat(api.as("liaison").post("/api/competitions/" + round + "/proposals",
                "{\"projectId\": \"" + own + "\"}").status()).isEqualTo(201);
        assertThat(roleOf(round, "ProposalSubmittedEvent")).isEqualTo("TOWNSHIP");
        assertThat(api.as("reviewer").post("/api/competitions/" + round + "/proposals/" + own + "/scores",
                "{\"scores\": {\"带贫成效\": 80}}").status()).isEqualTo(201);
        // While the round is open, every reviewer may score it, so every reviewer reads it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.as("reviewer2")
                .get("/api/competitions?fiscalYear=2066").json().findValuesAsText("competitionId")).contains(round));

        ledger.afterPublicity();
        Api.Response closed = api.as("approver").post("/api/competitions/" + round + "/close", "{}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.as("reviewer2")
                .get("/api/competitions?fiscalYear=2066").json().findValuesAsText("competitionId"))
                .doesNotContain(round));
        assertProblem(api.as("reviewer2").get("/api/competitions/" + round), 404, "COMPETITION_NOT_FOUND");
        assertProblem(api.as("reviewer2").get("/api/competitions/" + round + "/recompute"), 404,
                "COMPETITION_NOT_FOUND");
        assertThat(api.as("reviewer").get("/api/competitions?fiscalYear=2066").json()
                .findValuesAsText("competitionId")).contains(round);
        assertThat(api.as("reviewer").get("/api/competitions/" + round).status()).isEqualTo(200);
        assertThat(api.as("reviewer").get("/api/competitions/" + round + "/recompute").status()).isEqualTo(200);
        assertThat(api.as("clerk").get("/api/competitions/" + round).status()).isEqualTo(200);
    }
}
