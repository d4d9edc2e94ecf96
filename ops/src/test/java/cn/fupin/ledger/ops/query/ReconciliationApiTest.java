package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.audit.ReconciliationRecorder;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.audit.ReconciliationRecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runtime reconciliation over HTTP: two funds of 2056 and 2068 (years no other test uses) and a road project of
 * 510824100001 that reserves from both. Other classes' events are in the same store, so assertions name this class's
 * subjects; a row the test corrupts with SQL is put back before the test ends.
 */
@LedgerTest
class ReconciliationApiTest extends LedgerApiTest {

    static final String VILLAGE = "510824100001";
    static final String TYPE = ReconciliationRecordedEvent.class.getName();

    static String county;
    static String central;
    static String projectId;

    @Autowired
    ReconciliationRecorder recorder;

    @BeforeEach
    void books() {
        if (projectId == null) {
            Ledger ledger = new Ledger(api);
            county = ledger.appropriate(2056, "COUNTY", 400_000, "苍财农〔2056〕1号");
            central = ledger.appropriate(2068, "CENTRAL", 300_000, "财农〔2068〕1号");
            ledger.designatePoor(VILLAGE, 2056);
            projectId = ledger.propose("clerk", project("对账村道", "ROADS", VILLAGE, "VILLAGE", 2056,
                    "[" + line(county, 150_000) + ", " + line(central, 50_000) + "]"));
            ledger.approve("approver", projectId);
            ledger.fundWhen(2068, central, fund -> fund.path("reservedFen").asLong() == 5_000_000L);
            ledger.projectWhen(projectId, p -> p.path("status").asText().equals("APPROVED"));
        }
    }

    private Set<String> ours() {
        return Set.of(county, central, projectId);
    }

    private JsonNode reconciliation() {
        Api.Response answer = api.as("auditor").get("/api/audit/reconciliation");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    /** The differences naming this class's subjects. */
    private List<JsonNode> ourDifferences(JsonNode answer) {
        List<JsonNode> found = new ArrayList<>();
        answer.path("differences").forEach(d -> {
            if (ours().contains(d.path("subject").asText())) {
                found.add(d);
            }
        });
        return found;
    }

    private static String row(JsonNode d) {
        return String.join(",", d.path("subject").asText(), d.path("measure").asText(), d.path("journal").asText(),
                d.path("aggregate").asText(), d.path("readModel").asText(), d.path("difference").asText());
    }

    /** The one difference of a subject's measure, as its CSV row. */
    private List<String> rowsOf(JsonNode answer, String subject) {
        return ourDifferences(answer).stream().filter(d -> d.path("subject").asText().equals(subject))
                .map(ReconciliationApiTest::row).toList();
    }

    private void awaitAgreement() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ourDifferences(reconciliation())).isEmpty());
    }

    @Test
    void anAgreeingLedgerNamesNoDifferenceForItsFundsAndProjects() {
        awaitAgreement();
        JsonNode answer = reconciliation();
        assertThat(answer.path("funds").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(answer.path("projects").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(answer.path("upToGlobalIndex").asLong()).isPositive();
        assertThat(answer.path("checkedAt").asText()).isNotBlank();
        assertThat(answer.path("agrees").asBoolean()).isEqualTo(answer.path("differences").isEmpty());
    }

    @Test
    void aReadModelRowChangedBehindTheLedgersBackIsNamedWithSubjectAndMeasure() {
        awaitAgreement();
        jdbc.update("UPDATE fund_view SET reserved_fen = reserved_fen + 123 WHERE fund_id = ?", county);
        jdbc.update("UPDATE project_view SET paid_fen = paid_fen + 5 WHERE project_id = ?", projectId);
        try {
            JsonNode answer = reconciliation();
            assertThat(answer.path("agrees").asBoolean()).isFalse();
            assertThat(rowsOf(answer, county)).containsExactly(
                    county + ",available,25000000,25000000,24999877,-123",
                    county + ",reserved,15000000,15000000,15000123,123");
            assertThat(rowsOf(answer, projectId)).containsExactly(projectId + ",paid,0,0,5,5");
            assertThat(rowsOf(answer, central)).isEmpty();
        } finally {
            jdbc.update("UPDATE fund_view SET reserved_fen = reserved_fen - 123 WHERE fund_id = ?", county);
            jdbc.update("UPDATE project_view SET paid_fen = paid_fen - 5 WHERE project_id = ?", projectId);
        }
        awaitAgreement();
    }

    @Test
    void aJournalRowChangedBehindTheLedgersBackIsNamedWithSubjectAndMeasure() {
        awaitAgreement();
        String reserved = "RESERVED:" + projectId + ":" + central;
        jdbc.update("UPDATE journal_posting SET amount_fen = amount_fen + 7 WHERE account = ?", reserved);
        try {
            JsonNode answer = reconciliation();
            assertThat(rowsOf(answer, central)).containsExactly(central + ",reserved,5000007,5000000,5000000,7");
            assertThat(rowsOf(answer, projectId)).containsExactly(projectId + ",reserved,20000007,20000000,20000000,7");
            assertThat(rowsOf(answer, county)).isEmpty();

            Api.Response csv = api.as("auditor").header("Accept", "text/csv").get("/api/audit/reconciliation");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body()).startsWith("subject,measure,journal,aggregate,readModel,difference\r\n");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines).contains(central + ",reserved,5000007,5000000,5000000,7",
                    projectId + ",reserved,20000007,20000000,20000000,7");
            assertThat(lines).hasSize(answer.path("differences").size() + 1);
        } finally {
            jdbc.update("UPDATE journal_posting SET amount_fen = amount_fen - 7 WHERE account = ?", reserved);
        }
        awaitAgreement();
    }

    @Test
    void theScheduledRunRecordsADifferenceAsAnEventAndTheStaffHealthShowsIt() {
        awaitAgreement();
        jdbc.update("UPDATE fund_view SET appropriated_fen = appropriated_fen + 1 WHERE fund_id = ?", central);
        ReconciliationRecordedEvent recorded;
        try {
            long before = recordedCount();
            Optional<ReconciliationRecordedEvent> run = recorder.runAndRecord();
            assertThat(run).isPresent();
            recorded = run.get();
            assertThat(recorded.agrees()).isFalse();
            assertThat(recorded.differences()).extracting(d -> d.subject() + " " + d.measure())
                    .contains(central + " appropriated", central + " available");
            assertThat(recordedCount()).isEqualTo(before + 1);
            // the same result again is not recorded again (until a day has passed)
            assertThat(recorder.runAndRecord()).isEmpty();
            assertThat(recordedCount()).isEqualTo(before + 1);

            Api.Response health = api.as("clerk").get("/actuator/health/ledger");
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("OUT_OF_BALANCE");
            JsonNode details = health.json().path("components").path("reconciliation").path("details");
            assertThat(details.path("agrees").asBoolean()).isFalse();
            assertThat(details.path("differences").asInt()).isEqualTo(recorded.differenceCount());
            assertThat(details.path("checkedAt").asText()).isEqualTo(recorded.checkedAt().toString());

            // the recorded disagreement is a red flag while it is the last result
            JsonNode flags = api.as("auditor").get("/api/audit/red-flags?rule=BOOKS_DISAGREE").json();
            assertThat(flags.path("findings")).singleElement().satisfies(finding -> {
                assertThat(finding.path("subject").asText()).isEqualTo("reconciliation");
                assertThat(finding.path("severity").asText()).isEqualTo("HIGH");
                assertThat(finding.path("summary").asText()).contains(recorded.checkedAt().toString());
            });

            // the public sees the machine's status alone, and nothing of the books
            Api.Response open = api.anonymous().get("/actuator/health");
            assertThat(open.status()).isEqualTo(200);
            assertThat(open.json().path("status").asText()).isEqualTo("UP");
            assertThat(open.json().has("components")).isFalse();
            assertThat(open.body()).doesNotContain("reconciliation", "agrees", "OUT_OF_BALANCE");
            for (String path : List.of("/actuator/health/ledger", "/actuator/health/reconciliation")) {
                assertThat(api.anonymous().get(path).status()).as(path).isEqualTo(401);
            }
        } finally {
            jdbc.update("UPDATE fund_view SET appropriated_fen = appropriated_fen - 1 WHERE fund_id = ?", central);
        }
        // put right, the result changed: recorded again, without this class's subjects
        Optional<ReconciliationRecordedEvent> again = recorder.runAndRecord();
        assertThat(again).isPresent();
        assertThat(again.get().differences()).noneMatch(d -> ours().contains(d.subject()));
        JsonNode details = api.as("auditor").get("/actuator/health/ledger").json()
                .path("components").path("reconciliation").path("details");
        assertThat(details.path("agrees").asBoolean()).isEqualTo(again.get().agrees());
        assertThat(details.path("checkedAt").asText()).isEqualTo(again.get().checkedAt().toString());
    }

    private long recordedCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class, TYPE);
    }

    @Test
    void onlyAnAuditorReadsTheReconciliation() {
        for (String user : List.of("clerk", "approver", "township", "reviewer")) {
            Api.Response response = api.as(user).get("/api/audit/reconciliation");
            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(response.code()).isEqualTo("FORBIDDEN");
        }
        Api.Response anonymous = api.anonymous().get("/api/audit/reconciliation");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }
}
