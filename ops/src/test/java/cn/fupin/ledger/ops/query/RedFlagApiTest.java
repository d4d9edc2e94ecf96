package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Red flags over HTTP, from events the test appends: an appropriation of fiscal year 2087 (a year no other test uses)
 * recorded 800 days before the ledger's now and never reserved nor announced (IDLE_FUNDS, LATE_NOTICE), and two
 * households of village 510824100287 registered with one bank card sealed under the ledger's key (SHARED_PAYEE,
 * which the import would refuse). Other classes' events are in the same store, so every assertion names this class's
 * subjects.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedFlagApiTest extends LedgerApiTest {

    static final String FUND = "FUND-510824-2087-DONATION";
    static final String APPROPRIATION = "APPR-510824-RF-2087-1";
    static final String IDLE = "IDLE_FUNDS/" + FUND + "/730";
    static final String FIRST = "H510824100287-001";
    static final String SECOND = "H510824100287-002";
    static final String SHARED = "SHARED_PAYEE/" + FIRST + "/BANK_CARD";

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    Clock clock;

    @BeforeAll
    void recordTheFacts() {
        EventAppender appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
        Instant longAgo = clock.instant().minus(Duration.ofDays(800));
        appender.appendAt(longAgo, "Fund", FUND, new FundsAppropriatedEvent(FUND, APPROPRIATION, 2087,
                FundSource.DONATION, 1_234_500L, "苍财农〔2087〕9号", "红旗测试"));
        for (String cardNo : List.of(FIRST, SECOND)) {
            appender.appendAt(longAgo.plus(Duration.ofDays(1)), "Household", "HH-" + cardNo,
                    new HouseholdRegisteredEvent(cardNo, "测试户", cipher.encrypt("5108241980010100" + cardNo.substring(cardNo.length() - 2), cardNo,
                            "idNumber"), "**************0011", cipher.encrypt("6217990000000000018", cardNo, "bankCard"),
                            "***************0018", "510824100287", "510824100", 3, false, "IMPORT-510824-RF"));
        }
    }

    private JsonNode redFlags(String query) {
        Api.Response answer = api.as("auditor").get("/api/audit/red-flags" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("findings").forEach(finding -> ids.add(finding.path("id").asText()));
        return ids;
    }

    @Test
    void anAuditorSeesIdleMoneyAnUnannouncedAppropriationAndASharedCardWithTheirEvidence() {
        JsonNode idle = redFlags("?subject=" + FUND).path("findings").path(0);
        assertThat(idle.path("id").asText()).isEqualTo(IDLE);
        assertThat(idle.path("rule").asText()).isEqualTo("IDLE_FUNDS");
        assertThat(idle.path("severity").asText()).isEqualTo("HIGH");
        assertThat(idle.path("summary").asText()).startsWith("12,345.00元");
        assertThat(idle.path("evidence")).hasSize(1);

        // Unannounced, or announced by the automatic publisher 800 days late: either way late, with its evidence.
        String appropriated = idle.path("evidence").path(0).asText();
        assertThat(redFlags("?rule=LATE_NOTICE").path("findings").findValues("evidence"))
                .anySatisfy(evidence -> assertThat(evidence.toString()).contains(appropriated));

        JsonNode shared = redFlags("?rule=SHARED_PAYEE&subject=" + FIRST);
        assertThat(ids(shared)).containsExactly(SHARED);
        assertThat(shared.path("counts").path("SHARED_PAYEE").asInt()).isEqualTo(1);
        assertThat(shared.path("counts").path("IDLE_FUNDS").asInt()).as("counts of the findings answered").isZero();
        assertThat(shared.path("findings").path(0).path("evidence")).hasSize(2);
        assertThat(shared.toString()).doesNotContain("6217990000000000018", "510824198001010001");
    }

    @Test
    void theCsvHasTheRowsOfTheJson() {
        JsonNode json = redFlags("?subject=" + FIRST);
        Api.Response csv = api.as("auditor").header("Accept", "text/csv").get("/api/audit/red-flags?subject=" + FIRST);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,rule,severity,subject,summary,since,evidence,reviewedBy,reviewedAt,"
                + "reviewReason");
        assertThat(lines).hasSize(json.path("findings").size() + 1);
        JsonNode finding = json.path("findings").path(0);
        List<String> evidence = new ArrayList<>();
        finding.path("evidence").forEach(id -> evidence.add(id.asText()));
        assertThat(lines.get(1)).startsWith(String.join(",", finding.path("id").asText(), finding.path("rule").asText(),
                finding.path("severity").asText(), finding.path("subject").asText(),
                "\"" + finding.path("summary").asText() + "\"", finding.path("since").asText(),
                String.join(" ", evidence)));
    }

    @Test
    void aReviewIsRecordedAsAnEventAndShownWithTheFinding() {
        Api.Response reviewed = api.as("auditor").post("/api/audit/red-flags/" + IDLE + "/reviews",
                "{\"reason\":\"次年已统筹安排，见苍财农〔2089〕1号\"}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().path("reviewed").path("by").asText()).isEqualTo("auditor");

        JsonNode shown = redFlags("?subject=" + FUND + "&reviewed=true").path("findings");
        assertThat(shown).hasSize(1);
        assertThat(shown.path(0).path("reviewed").path("reason").asText()).isEqualTo("次年已统筹安排，见苍财农〔2089〕1号");
        assertThat(shown.path(0).path("reviewed").path("at").asText()).isNotBlank();
        assertThat(ids(redFlags("?subject=" + FUND + "&reviewed=false"))).isEmpty();
        assertThat(ids(redFlags("?subject=" + FIRST + "&reviewed=false"))).contains(SHARED);
        assertThat(events.of("RFR-" + IDLE)).singleElement().satisfies(event -> {
            assertThat(event.isA("RedFlagReviewedEvent")).isTrue();
            assertThat(event.metaData().path("actor").asText()).isEqualTo("auditor");
        });
    }

    @Nested
    class Refused {

        @Test
        void aReviewOfNoFindingIsNotFoundAndOneWithoutAReasonIsInvalid() {
            Api.Response missing = api.as("auditor").post("/api/audit/red-flags/IDLE_FUNDS/FUND-510824-2087-COUNTY"
                    + "/730/reviews", "{\"reason\":\"核查\"}");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.code()).isEqualTo("FINDING_NOT_FOUND");
            Api.Response empty = api.as("auditor").post("/api/audit/red-flags/" + SHARED + "/reviews",
                    "{\"reason\":\"  \"}");
            assertThat(empty.status()).isEqualTo(422);
            assertThat(empty.code()).isEqualTo("REASON_REQUIRED");
            assertThat(events.of("RFR-" + SHARED)).isEmpty();
            assertThat(api.as("auditor").get("/api/audit/red-flags?reviewed=maybe").status()).isEqualTo(422);
        }

        @Test
        void onlyAnAuditorReadsOrReviewsRedFlags() {
            for (String user : List.of("clerk", "approver", "township", "reviewer")) {
                assertThat(api.as(user).get("/api/audit/red-flags").status()).as(user).isEqualTo(403);
                assertThat(api.as(user).post("/api/audit/red-flags/" + SHARED + "/reviews", "{\"reason\":\"看过\"}")
                        .status()).as(user).isEqualTo(403);
            }
            assertThat(api.anonymous().get("/api/audit/red-flags").status()).isEqualTo(401);
            assertThat(api.anonymous().post("/api/audit/red-flags/" + SHARED + "/reviews", "{\"reason\":\"看过\"}")
                    .status()).isEqualTo(401);
        }
    }
}
