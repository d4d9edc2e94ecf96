package cn.fupin.ledger.ops.testing;

import cn.fupin.ledger.disclosure.publisher.AutomaticNotices;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sets up the facts a project or round test starts from, through the HTTP API as the demo users would: money in a
 * fund, a poor village, a proposed project. Each step asserts it was recorded, so a broken setup fails loudly.
 */
public final class Ledger {

    private final Api api;

    public Ledger(Api api) {
        this.api = api;
    }

    /** Appropriates {@code yuan} to the fund of {@code source} for {@code year} (as clerk) and returns its id. */
    public String appropriate(int year, String source, long yuan, String documentNo) {
        Api.Response response = api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": %d, "source": "%s", "amountFen": %d, "documentNo": "%s"}
                """.formatted(year, source, yuan * 100, documentNo));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("fundId").asText();
    }

    /** Designates a poor village for a year (as clerk). */
    public void designatePoor(String villageCode, int year) {
        Api.Response response = api.as("clerk").post("/api/places/villages/" + villageCode + "/poor-designations",
                "{\"year\": %d, \"documentNo\": \"测试〔%d〕1号\"}".formatted(year, year));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /** The JSON of a project in {@code villageCode} starting in {@code year}, with the given budget lines. */
    public static String project(String name, String workArea, String villageCode, String beneficiary, int year,
                                 String budgetJson) {
        return """
                {"name": "%s", "workArea": "%s", "villageCode": "%s", "beneficiary": "%s", "budget": %s,
                 "implementer": "村民委员会", "supervisor": "乡人民政府",
                 "startDate": "%d-04-01", "endDate": "%d-11-30", "expectedHouseholds": 110, "expectedPeople": 275,
                 "description": "硬化村道4.2公里", "benefitMechanism": "解决出行难", "supervisionPhone": "0839-5222000"}
                """.formatted(name, workArea, villageCode, beneficiary, budgetJson, year, year);
    }

    /** One budget line as JSON. */
    public static String line(String fundId, long yuan) {
        return "{\"fundId\": \"%s\", \"amountFen\": %d}".formatted(fundId, yuan * 100);
    }

    /** Proposes a project as {@code user} and returns its id. */
    public String propose(String user, String projectJson) {
        Api.Response response = api.as(user).post("/api/projects", projectJson);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("projectId").asText();
    }

    /** Approves a project as {@code user}, asserting it was approved. */
    public void approve(String user, String projectId) {
        Api.Response response = api.as(user).post("/api/projects/" + projectId + "/approve",
                "{\"approvalDocNo\": \"苍扶贫〔2041〕9号\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Waits until the query side shows the project and the condition holds, and returns it. */
    public JsonNode projectWhen(String projectId, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response response = api.as("auditor").get("/api/projects/" + projectId);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(condition.test(response.json())).as(response.body()).isTrue();
            found[0] = response.json();
        });
        return found[0];
    }

    /** Waits until the query side shows the fund with the given reserved amount, and returns it. */
    public JsonNode fundWhen(int year, String fundId, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode funds = api.as("auditor").get("/api/funds?fiscalYear=" + year).json();
            JsonNode fund = null;
            for (JsonNode candidate : funds) {
                if (candidate.path("fundId").asText().equals(fundId)) {
                    fund = candidate;
                }
            }
            assertThat(fund).as("fund " + fundId + " in " + funds).isNotNull();
            assertThat(condition.test(fund)).as(fund.toString()).isTrue();
            found[0] = fund;
        });
        return found[0];
    }

    public static List<String> codes(JsonNode problem) {
        return problem.path("errors").findValuesAsText("code");
    }

    /** Imports households as the register CSV a clerk uploads, asserting they were imported. */
    public void importHouseholds(Households.Row... rows) {
        Api.Response response = api.as("clerk").postCsv("/api/households/imports", Households.csv(rows));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Requests a disbursement as {@code user} and returns its id. */
    public String requestDisbursement(String user, String projectId, String payeeField, String payee, long fen,
                                      String voucherNo) {
        Api.Response response = api.as(user).post("/api/disbursements", """
                {"projectId": "%s", "%s": "%s", "amountFen": %d, "voucherNo": "%s"}
                """.formatted(projectId, payeeField, payee, fen, voucherNo));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("status").asText()).isEqualTo("REQUESTED");
        return response.json().path("disbursementId").asText();
    }

    /**
     * Asserts the journal balances and no account went where it may not, as the auditor's check endpoint says, once
     * the journal has caught up (it posts in the background; after a batch of a thousand grants on a busy MariaDB that
     * took over 20 s). The check reads the whole store, so it is asked once a second, not as fast as it answers.
     */
    public void assertJournalHolds() {
        await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
            Api.Response check = api.as("auditor").get("/api/audit/journal-check");
            assertThat(check.status()).as(check.toString()).isEqualTo(200);
            assertThat(check.json().path("ok").asBoolean()).as(check.body()).isTrue();
            Api.Response balance = api.as("auditor").get("/api/audit/trial-balance");
            assertThat(balance.json().path("totalFen").asLong()).isZero();
        });
    }

    /** The ledger's clock now: the system's time plus however far tests have moved the (shared) demo clock. */
    public Instant now() {
        Api.Response time = api.as("auditor").get("/api/demo/clock");
        assertThat(time.status()).as(time.body()).isEqualTo(200);
        return Instant.parse(time.json().path("now").asText());
    }

    /** The plan notice the ledger publishes by itself when a project is approved. */
    public static String planNotice(String projectId) {
        return AutomaticNotices.planId(projectId).value();
    }

    /** The grant list the ledger publishes by itself for a household's grant requested on its own. */
    public static String grantListNotice(String disbursementId) {
        return AutomaticNotices.grantListId(disbursementId).value();
    }

    /**
     * The grant list the ledger publishes by itself for the households of one village in a grant batch (named by a
     * hash of both when they are too long for a notice id, as a batch id with the county's code is).
     */
    public static String grantListNotice(String batchId, String villageCode) {
        return AutomaticNotices.grantListId(batchId, villageCode).value();
    }

    /** Waits until the automatic publisher (it works in the background) has published the notice. */
    public JsonNode awaitNotice(String noticeId) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        // A grant list of a thousand households reads two thousand event streams: allow for a slow machine.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response response = api.as("auditor").get("/api/notices/" + noticeId);
            if (response.status() == 200) {
                found.set(response.json());
                return true;
            }
            return false;
        });
        return found.get();
    }

    /**
     * What must happen before a payment (事前公示): waits for the notices that make it public (its project's plan, its
     * village's grant list), then moves the ledger's clock past their ten-day period. The clock is shared by every
     * test of the context; tests read the time from {@link #now()}.
     */
    public void afterPublicity(String... noticeIds) {
        for (String noticeId : noticeIds) {
            awaitNotice(noticeId);
        }
        advanceDays(11);
    }

    /** Moves the ledger's clock, shared by every test of the context, {@code days} forward. */
    public void advanceDays(int days) {
        Api.Response moved = api.as("auditor").post("/api/demo/clock", "{\"advanceDays\": " + days + "}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }
}
