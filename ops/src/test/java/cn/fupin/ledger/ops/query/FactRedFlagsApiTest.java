package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three red flags that read recorded facts (a screening list, a declared relative, a refused four-eyes attempt),
 * triggered through the real commands and read where an auditor reads them, {@code GET /api/audit/red-flags}: in
 * 金斗社区 (510824123002, of 龙山镇, which no other test uses), fiscal year 2076, households T-7641 (its head on an
 * uploaded list of the deceased, dead before the grant), T-7642 (its head declared in the register a relative of the
 * cadre {@code approver}, who approves its grant) and T-7643 (neither: paid by the same hands, it must not be found);
 * the user {@code deputy} tries to approve a project they proposed. Other classes' findings are in the same ledger, so
 * every assertion names this class's subjects.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactRedFlagsApiTest extends LedgerApiTest {

    static final int YEAR = 2076;
    static final String VILLAGE = "510824123002";
    static final String DECEASED = Households.cardNo(7641);
    static final String RELATIVE = Households.cardNo(7642);
    static final String NEITHER = Households.cardNo(7643);

    String deceasedGrant;
    String relativeGrant;
    String neitherGrant;
    String deputysProject;

    @BeforeAll
    void recordTheFactsAndPay() {
        api = new Api(port);
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "CENTRAL", 50_000, "苍审〔2076〕1号");
        Households.Row related = Households.household(7642).withVillageCode(VILLAGE);
        Api.Response imported = api.as("clerk").postCsv("/api/households/imports",
                Households.HEADER + ",relatedCadres\n"
                        + Households.household(7641).withVillageCode(VILLAGE).line() + ",\n"
                        + related.line() + ",approver\n"
                        + Households.household(7643).withVillageCode(VILLAGE).line() + ",\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        Api.Response listed = api.as("auditor").postCsv("/api/audit/screening-lists?kind=DECEASED&name="
                + URLEncoder.encode("民政死亡名单（红旗测试）", StandardCharsets.UTF_8),
                Households.idNumber(7641) + ",2001-02-03\n" + Households.idNumber(7699) + "\n");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);

        String projectId = ledger.propose("clerk", project("龙山到户产业", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 20_000) + "]"));
        ledger.approve("approver", projectId);
        deceasedGrant = ledger.requestDisbursement("clerk", projectId, "cardNo", DECEASED, 3_000_00L, "苍审付〔2076〕1号");
        relativeGrant = ledger.requestDisbursement("clerk", projectId, "cardNo", RELATIVE, 3_000_00L, "苍审付〔2076〕2号");
        neitherGrant = ledger.requestDisbursement("clerk", projectId, "cardNo", NEITHER, 3_000_00L, "苍审付〔2076〕3号");
        ledger.afterPublicity(Ledger.grantListNotice(deceasedGrant), Ledger.grantListNotice(relativeGrant),
                Ledger.grantListNotice(neitherGrant));
        for (String grant : List.of(deceasedGrant, relativeGrant, neitherGrant)) {
            Api.Response approved = api.as("approver").post("/api/disbursements/" + grant + "/approve", "{}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        }

        ledger.designatePoor(VILLAGE, YEAR);
        deputysProject = ledger.propose("deputy", project("金斗自批便道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 1_000) + "]"));
        Api.Response refused = api.as("deputy").post("/api/projects/" + deputysProject + "/approve",
                "{\"approvalDocNo\": \"苍审批〔2076〕1号\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("SAME_REQUESTER_AND_APPROVER");
    }

    private JsonNode redFlags(String query) {
        Api.Response answer = api.as("auditor").get("/api/audit/red-flags" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<JsonNode> findings(JsonNode answer) {
        List<JsonNode> findings = new ArrayList<>();
        answer.path("findings").forEach(findings::add);
        return findings;
    }

    /** The stored identifier of the one event of {@code type} in the stream {@code aggregateId}. */
    private String eventId(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE ?", String.class, aggregateId, "%." + type);
    }

    @Test
    void aGrantPaidAfterItsHeadsDeathOnAnUploadedListIsAFindingWithTheApprovalAsEvidence() {
        String approval = eventId(deceasedGrant, "DisbursementApprovedEvent");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                findings(redFlags("?rule=DECEASED_OR_PUBLIC_EMPLOYEE&subject=" + DECEASED)))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.path("id").asText()).isEqualTo("DECEASED_OR_PUBLIC_EMPLOYEE/" + DECEASED
                            + "/DECEASED");
                    assertThat(finding.path("severity").asText()).isEqualTo("HIGH");
                    assertThat(finding.path("evidence").toString()).contains(approval);
                    assertThat(finding.toString()).doesNotContain(Households.idNumber(7641));
                }));
        JsonNode answer = redFlags("?rule=DECEASED_OR_PUBLIC_EMPLOYEE");
        assertThat(answer.path("counts").path("DECEASED_OR_PUBLIC_EMPLOYEE").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(answer.toString()).doesNotContain(Households.idNumber(7641), Households.idNumber(7699));
    }

    @Test
    void aGrantApprovedByTheCadreTheHeadIsDeclaredRelatedToIsAHighFinding() {
        String approval = eventId(relativeGrant, "DisbursementApprovedEvent");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                findings(redFlags("?rule=RELATED_PARTY&subject=" + RELATIVE)))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.path("id").asText()).isEqualTo("RELATED_PARTY/" + RELATIVE + "/approver");
                    assertThat(finding.path("severity").asText()).isEqualTo("HIGH");
                    assertThat(finding.path("evidence").toString()).contains(approval);
                }));
    }

    @Test
    void aRefusedAttemptToApproveOnesOwnProposalIsAFindingAboutThePerson() {
        String refusal = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE payload_type"
                + " LIKE '%.FourEyesRefusalRecordedEvent' AND payload LIKE ?", String.class, "%" + deputysProject + "%");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                findings(redFlags("?rule=SELF_DEALING_ATTEMPT&subject=deputy")))
                .singleElement().satisfies(finding -> assertThat(finding.path("evidence").toString())
                        .contains(refusal)));
        // The clerk and the approver who paid this class's grants, each the other's four eyes, are in no finding
        // about them (other classes' refused attempts may be: the ledger is shared).
        for (JsonNode finding : findings(redFlags("?rule=SELF_DEALING_ATTEMPT"))) {
            assertThat(finding.path("summary").asText()).as(finding.toString())
                    .doesNotContain(deceasedGrant, relativeGrant, neitherGrant);
            if (!finding.path("subject").asText().equals("deputy")) {
                assertThat(finding.path("summary").asText()).doesNotContain(deputysProject);
            }
        }
    }

    @Test
    void aHouseholdNeitherListedNorRelatedPaidByTheSameHandsIsNoFinding() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !findings(
                redFlags("?rule=DECEASED_OR_PUBLIC_EMPLOYEE&subject=" + DECEASED)).isEmpty());
        for (String rule : List.of("DECEASED_OR_PUBLIC_EMPLOYEE", "RELATED_PARTY")) {
            assertThat(findings(redFlags("?rule=" + rule + "&subject=" + NEITHER))).as(rule).isEmpty();
        }
        assertThat(findings(redFlags("?subject=" + NEITHER))).isEmpty();
    }
}
