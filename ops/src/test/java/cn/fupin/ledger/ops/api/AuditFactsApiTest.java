package cn.fupin.ledger.ops.api;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.query.audit.LedgerEvent;
import cn.fupin.ledger.query.audit.LedgerEvents;
import cn.fupin.ledger.query.audit.PersonalDataReader;
import cn.fupin.ledger.query.audit.redflag.RedFlagRule;
import cn.fupin.ledger.query.audit.redflag.RelatedPartyRule;
import cn.fupin.ledger.query.audit.redflag.ScreeningListRule;
import cn.fupin.ledger.query.audit.redflag.SelfDealingAttemptRule;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.project.BudgetLine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The facts three red flags read, over HTTP: refused four-eyes attempts recorded on their own, declarations of
 * cadres' relatives (command and register column), and screening lists recorded as fingerprints. Fiscal year 2058 and
 * the village 510824104214, which no other test uses; households 7301-7330.
 */
@LedgerTest
class AuditFactsApiTest extends LedgerApiTest {

    static final int YEAR = 2058;
    static final String VILLAGE = "510824104214";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PersonalDataCipher cipher;

    static String fundId;

    String proposedByDeputy(String name) {
        Ledger ledger = new Ledger(api);
        if (fundId == null) {
            fundId = ledger.appropriate(YEAR, "CENTRAL", 100_000, "财农〔2058〕1号");
            ledger.designatePoor(VILLAGE, YEAR);
        }
        return ledger.propose("deputy", project(name, "ROADS", VILLAGE, "VILLAGE", YEAR, "[" + line(fundId, 1_000) + "]"));
    }

    static String approval(int number) {
        return "{\"approvalDocNo\": \"苍扶贫〔2058〕" + number + "号\"}";
    }

    @Nested
    class FourEyesRefusals {

        @Test
        void approvingOnesOwnProposalIsRefusedAndTheAttemptAloneIsRecordedOncePerRequest() {
            String projectId = proposedByDeputy("自批村道");
            long before = events.count();

            Api deputy = api.as("deputy").header("Idempotency-Key", "four-eyes-2058-" + projectId);
            assertProblem(deputy.post("/api/projects/" + projectId + "/approve", approval(1)), 409,
                    "SAME_REQUESTER_AND_APPROVER");

            assertThat(events.count()).as("the refusal and nothing else").isEqualTo(before + 1);
            List<StoredEvents.StoredEvent> recorded = events.fourEyesRefusalsOf(projectId);
            assertThat(recorded).singleElement().satisfies(refusal -> {
                assertThat(refusal.payload().path("code").asText()).isEqualTo("SAME_REQUESTER_AND_APPROVER");
                assertThat(refusal.payload().path("command").asText()).isEqualTo("ApproveProjectCommand");
                assertThat(refusal.payload().path("actor").asText()).isEqualTo("deputy");
                assertThat(refusal.payload().path("role").asText()).isEqualTo("APPROVER");
                assertThat(refusal.meta("actor")).isEqualTo("deputy");
                assertThat(refusal.meta("requestId")).isEqualTo(refusal.payload().path("requestId").asText());
            });

            // The same request again (its Idempotency-Key) is refused again but recorded once.
            assertProblem(deputy.post("/api/projects/" + projectId + "/approve", approval(1)), 409,
                    "SAME_REQUESTER_AND_APPROVER");
            assertThat(events.fourEyesRefusalsOf(projectId)).hasSize(1);
            assertThat(events.count()).isEqualTo(before + 1);
        }

        @Test
        void aRequestRetriedUnderItsRequestIdIsRecordedOnceAndOtherRefusalsNotAtAll() {
            String projectId = proposedByDeputy("重试村道");
            Api deputy = api.as("deputy").header("X-Request-Id", "four-eyes-retry-" + projectId.substring(11));

            assertProblem(deputy.post("/api/projects/" + projectId + "/approve", approval(2)), 409,
                    "SAME_REQUESTER_AND_APPROVER");
            assertProblem(deputy.post("/api/projects/" + projectId + "/approve", approval(2)), 409,
                    "SAME_REQUESTER_AND_APPROVER");
            assertThat(events.fourEyesRefusalsOf(projectId)).hasSize(1);

            new Ledger(api).approve("approver", projectId);
            long before = events.count();
            assertProblem(api.as("approver").post("/api/projects/" + projectId + "/approve", approval(3)), 409,
                    "PROJECT_NOT_APPROVABLE");
            assertThat(events.count()).isEqualTo(before);
            assertThat(events.fourEyesRefusalsOf(projectId)).hasSize(1);
        }
    }

    @Nested
    class CadreRelatives {

        static final String PATH = "/api/households/%s/related-cadres";

        static String declaration(String cadre) {
            return "{\"cadre\": \"%s\", \"relation\": \"兄弟\", \"reason\": \"村干部本人申报\"}".formatted(cadre);
        }

        void register(String csv) {
            Api.Response imported = api.as("clerk").postCsv("/api/households/imports", csv);
            assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        }

        @Test
        void theRegisterColumnDeclaresEachCadreOnceAndARowWithoutOneNone() {
            Households.Row related = Households.household(7301);
            Households.Row unrelated = Households.household(7302);
            String csv = Households.HEADER + ",relatedCadres\n" + related.line() + ",township;approver\n"
                    + unrelated.line() + "\n";
            register(csv);
            register(csv);

            List<StoredEvents.StoredEvent> declared = events.ofHousehold(related.cardNo(), "CadreRelativeDeclaredEvent");
            assertThat(declared).extracting(event -> event.payload().path("cadre").asText())
                    .containsExactly("township", "approver");
            assertThat(declared.get(0).payload().path("importId").asText()).startsWith("IMPORT-");
            assertThat(events.ofHousehold(unrelated.cardNo(), "CadreRelativeDeclaredEvent")).isEmpty();
        }

        @Test
        void aClerkOrAnAuditorDeclaresARelativeOnceAndBadDeclarationsRecordNothing() {
            Households.Row row = Households.household(7303);
            register(Households.csv(row));
            String path = PATH.formatted(row.cardNo());

            Api.Response declared = api.as("clerk").post(path, declaration("approver"));
            assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
            assertThat(declared.json().path("cadre").asText()).isEqualTo("approver");
            assertThat(api.as("auditor").post(path, declaration("township")).status()).isEqualTo(200);
            List<StoredEvents.StoredEvent> recorded = events.ofHousehold(row.cardNo(), "CadreRelativeDeclaredEvent");
            assertThat(recorded).hasSize(2);
            assertThat(recorded.get(0).payload().path("relation").asText()).isEqualTo("兄弟");
            assertThat(recorded.get(0).meta("role")).isEqualTo("CLERK");
            assertThat(recorded.get(1).meta("role")).isEqualTo("AUDITOR");

            long before = events.count();
            assertProblem(api.as("clerk").post(path, declaration("approver")), 409, "CADRE_RELATIVE_ALREADY_DECLARED");
            JsonNode invalid = assertProblem(api.as("clerk").post(path, "{\"cadre\": \"bad name\", \"relation\": \" \"}"),
                    422, "CADRE_RELATIVE_INVALID");
            assertThat(invalid.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("cadre", "relation",
                    "reason");
            assertProblem(api.as("clerk").post(PATH.formatted("T-7399"), declaration("approver")), 404,
                    "HOUSEHOLD_NOT_FOUND");
            for (String user : List.of("approver", "township", "reviewer")) {
                assertProblem(api.as(user).post(path, declaration("clerk2")), 403, "FORBIDDEN");
            }
            assertProblem(api.anonymous().post(path, declaration("clerk2")), 401, "UNAUTHENTICATED");
            assertThat(events.count()).isEqualTo(before);
        }
    }

    @Nested
    class ScreeningLists {

        static String path(String kind, String name) {
            return "/api/audit/screening-lists?kind=" + kind + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        }

        List<JsonNode> uploaded(String listId) {
            return jdbc.query("SELECT payload FROM domain_event_entry WHERE payload_type LIKE '%.ScreeningListUploadedEvent'",
                    (rs, row) -> {
                        try {
                            return JSON.readTree(rs.getBytes(1));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).stream().filter(list -> list.path("listId").asText().equals(listId)).toList();
        }

        @Test
        void anAuditorsListIsRecordedAsKeyedFingerprintsOnly() {
            String dead = Households.idNumber(7311);
            String alive = Households.idNumber(7312);
            String csv = "idNumber,dateOfDeath\n" + dead + ",2058-05-01\n" + alive.toLowerCase() + "\n";

            Api.Response recorded = api.as("auditor").postCsv(path("DECEASED", "2058年民政死亡名单"), csv);

            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            assertThat(recorded.json().path("entries").asInt()).isEqualTo(2);
            String listId = recorded.json().path("listId").asText();
            assertThat(uploaded(listId)).singleElement().satisfies(list -> {
                assertThat(list.path("kind").asText()).isEqualTo("DECEASED");
                assertThat(list.path("name").asText()).isEqualTo("2058年民政死亡名单");
                assertThat(list.path("entries").get(0).path("idFingerprint").asText())
                        .isEqualTo(cipher.fingerprint("ID_NUMBER", dead));
                assertThat(list.path("entries").get(0).path("dateOfDeath").asText()).isEqualTo("2058-05-01");
                assertThat(list.path("entries").get(1).path("idFingerprint").asText())
                        .isEqualTo(cipher.fingerprint("ID_NUMBER", alive));
                assertThat(list.toString()).doesNotContain(dead, alive, alive.substring(0, 17));
            });
        }

        @Test
        void badRowsAreNamedAndNothingIsRecorded() {
            long before = events.count();
            String csv = Households.idNumber(7313) + "\n" + Households.withWrongCheckCharacter(Households.idNumber(7314))
                    + "\n" + Households.idNumber(7315) + ",01/05/2058\n" + Households.idNumber(7313) + "\n";

            JsonNode problem = assertProblem(api.as("auditor").postCsv(path("DECEASED", "名单"), csv), 422,
                    "SCREENING_LIST_INVALID");
            assertThat(problem.path("errors").findValuesAsText("code")).containsExactly("ID_NUMBER_INVALID",
                    "DATE_INVALID", "DUPLICATE_IN_FILE");
            assertThat(problem.toString()).doesNotContain(Households.idNumber(7313));
            assertProblem(api.as("auditor").postCsv(path("PUBLIC_EMPLOYEE", "名单"),
                    Households.idNumber(7316) + ",2058-01-01\n"), 422, "SCREENING_LIST_INVALID");
            assertProblem(api.as("auditor").postCsv(path("PAYROLL", "名单"), Households.idNumber(7316) + "\n"), 422,
                    "SCREENING_LIST_INVALID");
            assertProblem(api.as("auditor").post(path("DECEASED", "名单"), "text/plain",
                    Households.idNumber(7316).getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE");
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void onlyAnAuditorUploads() {
            String csv = Households.idNumber(7317) + "\n";
            for (String user : List.of("clerk", "approver", "township", "reviewer", "deputy")) {
                assertProblem(api.as(user).postCsv(path("PUBLIC_EMPLOYEE", "名单"), csv), 403, "FORBIDDEN");
            }
            assertProblem(api.anonymous().postCsv(path("PUBLIC_EMPLOYEE", "名单"), csv), 401, "UNAUTHENTICATED");
        }
    }

    /** The rules over the facts as stored: read back through the production event store, upcasters and key. */
    @Nested
    class TheRulesReadTheStoredFacts {

        @Autowired
        LedgerEvents ledgerEvents;

        @Autowired
        PersonalDataReader personalData;

        List<LedgerEvent> since(long index) {
            List<LedgerEvent> read = new ArrayList<>();
            ledgerEvents.walk(index, read::add);
            return read;
        }

        /** A grant approved by {@code approver}, as the rules would read it; not stored (no money moves here). */
        static LedgerEvent grantApproved(String card, String approver, Instant at) {
            return new LedgerEvent(Long.MAX_VALUE, "grant-" + card, "DisbursementApprovedEvent", "1", "Disbursement",
                    "DSB-" + card, 1, at, new DisbursementApprovedEvent("DSB-" + card, "PRJ-" + card,
                    PayeeKind.HOUSEHOLD, VILLAGE, card, 500_000L, List.of(new BudgetLine(fundId, 500_000L)), null,
                    approver), Map.of("actor", approver));
        }

        @Test
        void aListedHouseholdPaidAfterTheUploadAndADeclaredRelativesApprovalAndARefusedAttemptAreFindings() {
            long start = ledgerEvents.lastIndex();
            Households.Row row = Households.household(7321);
            Api.Response imported = api.as("clerk").postCsv("/api/households/imports",
                    Households.HEADER + ",relatedCadres\n" + row.line() + ",approver\n");
            assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
            Api.Response listed = api.as("auditor").postCsv(ScreeningLists.path("DECEASED", "规则测试名单"),
                    Households.idNumber(7321) + ",2000-01-01\n");
            assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
            String projectId = proposedByDeputy("规则测试村道");
            assertProblem(api.as("deputy").post("/api/projects/" + projectId + "/approve", approval(9)), 409,
                    "SAME_REQUESTER_AND_APPROVER");

            List<LedgerEvent> stored = since(start);
            LedgerEvent grant = grantApproved(row.cardNo(), "approver", Instant.parse("2058-06-01T00:00:00Z"));
            ScreeningListRule screening = ScreeningListRule.using(personalData);
            RelatedPartyRule related = new RelatedPartyRule();
            SelfDealingAttemptRule selfDealing = new SelfDealingAttemptRule();
            for (RedFlagRule rule : List.of(screening, related, selfDealing)) {
                stored.forEach(rule::accept);
                rule.accept(grant);
            }
            Instant now = Instant.parse("2100-01-01T00:00:00Z");

            assertThat(screening.findings(now)).singleElement().satisfies(finding -> {
                assertThat(finding.subject()).isEqualTo(row.cardNo());
                assertThat(finding.key()).isEqualTo("DECEASED");
                assertThat(finding.evidence()).contains(grant.eventId());
            });
            assertThat(related.findings(now)).singleElement().satisfies(finding -> {
                assertThat(finding.subject()).isEqualTo(row.cardNo());
                assertThat(finding.key()).isEqualTo("approver");
            });
            assertThat(selfDealing.findings(now)).filteredOn(finding -> finding.subject().equals("deputy"))
                    .singleElement().satisfies(finding -> assertThat(finding.summary()).contains(projectId));
        }
    }
}
