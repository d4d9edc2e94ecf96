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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follow the money and the as-of views over HTTP, on money moved through the real commands: two appropriations of
 * 2097 (苍溯〔2097〕1号 10,000 yuan, then 苍溯〔2097〕2号 5,000 yuan) to one fund, a household project of 12,000 yuan in
 * 彭城村 (510824113207, of 东青镇, which no other test uses), grants of 3,000 yuan to T-7621 and T-7622, a snapshot of
 * the live read models at that instant; then a day later grants to T-7623 and T-7624, T-7621's grant reversed and the
 * project cancelled (its unpaid reservation released). OLDEST_MONEY_FIRST puts the first 10,000 yuan reserved and
 * paid on document 1, the last 2,000 on document 2.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowTheMoneyApiTest extends LedgerApiTest {

    static final int YEAR = 2097;
    static final String VILLAGE = "510824113207";
    static final String TOWNSHIP = "510824113";
    static final String DOC1 = "苍溯〔2097〕1号";
    static final String DOC2 = "苍溯〔2097〕2号";
    static final long GRANT_FEN = 3_000_00L;

    Ledger ledger;
    String fund;
    String projectId;
    Map<Integer, String> grants = new LinkedHashMap<>();
    int vouchers;

    Instant snapshot;
    JsonNode liveFund;
    JsonNode liveProject;
    JsonNode liveVillage;
    JsonNode liveTownship;
    Map<String, Long> liveJournal;

    static String card(int n) {
        return Households.cardNo(n);
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void moveTheMoney() {
        ledger = new Ledger(api);
        if (fund != null) {
            return;
        }
        fund = ledger.appropriate(YEAR, "CENTRAL", 10_000, DOC1);
        assertThat(ledger.appropriate(YEAR, "CENTRAL", 5_000, DOC2)).isEqualTo(fund);
        ledger.importHouseholds(IntStream.rangeClosed(7621, 7625)
                .mapToObj(n -> household(n).withVillageCode(VILLAGE)).toArray(Households.Row[]::new));
        projectId = ledger.propose("clerk", project("苍溯到户产业", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 12_000) + "]"));
        ledger.approve("approver", projectId);
        grant(7621);
        grant(7622);
        exit(7625);
        assertThat(api.as("auditor").get("/api/households/" + card(7621) + "?reason=" + encoded("审计核查"))
                .status()).isEqualTo(200);
        Api.Response declared = api.as("clerk").post("/api/households/" + card(7621) + "/related-cadres",
                "{\"cadre\": \"township\", \"relation\": \"兄弟\", \"reason\": \"本人申报\"}");
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);

        // What the live read models say now: the as-of views must say the same of this instant later.
        liveFund = ledger.fundWhen(YEAR, fund, f -> f.path("disbursedFen").asLong() == 2 * GRANT_FEN);
        liveProject = ledger.projectWhen(projectId, p -> p.path("paidFen").asLong() == 2 * GRANT_FEN);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            liveVillage = get("/api/grants/coverage?level=VILLAGE&code=" + VILLAGE);
            assertThat(liveVillage.path("granted").asLong()).isEqualTo(2);
            assertThat(liveVillage.path("registered").asLong()).isEqualTo(4);
        });
        for (JsonNode township : get("/api/grants/coverage/townships")) {
            if (township.path("code").asText().equals(TOWNSHIP)) {
                liveTownship = township;
            }
        }
        snapshot = ledger.now();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            liveJournal = balances(get("/api/audit/trial-balance?asOf=" + snapshot));
            assertThat(liveJournal).containsEntry("FUND:" + fund, 300_000L);
        });

        ledger.advanceDays(1);
        grant(7623);
        grant(7624);
        Api.Response reversed = api.as("approver").post("/api/disbursements/" + grants.get(7621) + "/reverse",
                "{\"reason\": \"冒领，追回\"}");
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        Api.Response cancelled = api.as("approver").post("/api/projects/" + projectId + "/cancel",
                "{\"reason\": \"项目终止\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        ledger.fundWhen(YEAR, fund, f -> f.path("reservedFen").asLong() == 0);
        ledger.assertJournalHolds();
    }

    private void grant(int n) {
        String id = ledger.requestDisbursement("clerk", projectId, "cardNo", card(n), GRANT_FEN,
                "苍溯付〔2097〕" + (++vouchers) + "号");
        ledger.afterPublicity(Ledger.grantListNotice(id));
        Api.Response approved = api.as("approver").post("/api/disbursements/" + id + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        grants.put(n, id);
    }

    private void exit(int n) {
        Api.Response exited = api.as("clerk").post("/api/households/" + card(n) + "/exit",
                "{\"year\": 2097, \"reason\": \"迁出\"}");
        assertThat(exited.status()).as(exited.toString()).isEqualTo(200);
    }

    private JsonNode get(String path) {
        Api.Response response = api.as("auditor").get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Long> balances(JsonNode trialBalance) {
        Map<String, Long> balances = new LinkedHashMap<>();
        trialBalance.path("accounts").forEach(a -> balances.put(a.path("account").asText(),
                a.path("balanceFen").asLong()));
        return balances;
    }

    private static long sum(JsonNode steps, String step, String field, String value) {
        long sum = 0;
        for (JsonNode s : steps) {
            if (s.path("step").asText().equals(step) && (field == null || s.path(field).asText().equals(value))) {
                sum += s.path("amountFen").asLong();
            }
        }
        return sum;
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + list);
    }

    @Test
    void aTraceFromTheFirstDocumentFollowsEveryFenThroughReservationPaymentReversalAndRelease() {
        JsonNode trace = get("/api/audit/trace?from=" + encoded(DOC1));
        assertThat(trace.path("kind").asText()).isEqualTo("APPROPRIATION");
        assertThat(trace.path("rule").asText()).isEqualTo("OLDEST_MONEY_FIRST");
        JsonNode steps = trace.path("steps");
        assertThat(steps.findValuesAsText("step")).containsSubsequence("APPROPRIATED", "RESERVED", "PAID", "PAID",
                "PAID", "PAID", "REVERSED", "RELEASED");
        assertThat(steps.findValuesAsText("documentNo")).containsOnly(DOC1);
        steps.forEach(step -> {
            assertThat(step.path("eventId").asText()).isNotBlank();
            assertThat(step.path("globalIndex").asLong()).isNotNegative();
            assertThat(step.path("at").asText()).isNotBlank();
            assertThat(step.path("actor").asText()).as(step.toString()).isNotBlank();
        });
        assertThat(sum(steps, "PAID", "payee", card(7624))).as("3,000 yuan to T-7624, 1,000 of it from document 1")
                .isEqualTo(1_000_00L);
        assertThat(sum(steps, "REVERSED", "payee", card(7621))).isEqualTo(GRANT_FEN);
        JsonNode totals = trace.path("totals");
        assertThat(totals.path("appropriatedFen").asLong()).isEqualTo(10_000_00L);
        assertThat(totals.path("reservedFen").asLong()).isEqualTo(10_000_00L);
        assertThat(totals.path("paidFen").asLong()).isEqualTo(10_000_00L);
        assertThat(totals.path("reversedFen").asLong()).isEqualTo(GRANT_FEN);
        assertThat(totals.path("releasedFen").asLong()).isEqualTo(GRANT_FEN);
        assertThat(totals.path("unspentFen").asLong()).isEqualTo(GRANT_FEN);
        assertThat(totals.path("reservedUnpaidFen").asLong()).isZero();

        JsonNode second = get("/api/audit/trace?from=" + encoded(DOC2)).path("totals");
        assertThat(second.path("reservedFen").asLong()).isEqualTo(2_000_00L);
        assertThat(second.path("paidNetFen").asLong()).isEqualTo(2_000_00L);
        assertThat(second.path("unreservedFen").asLong()).isEqualTo(3_000_00L);
    }

    @Test
    void aFundsTraceReconcilesWithTheJournal() {
        JsonNode trace = get("/api/audit/trace?from=" + fund);
        assertThat(trace.path("kind").asText()).isEqualTo("FUND");
        JsonNode totals = trace.path("totals");
        Map<String, Long> journal = balances(get("/api/audit/trial-balance"));
        assertThat(totals.path("appropriatedFen").asLong()).isEqualTo(-journal.get("APPROPRIATION:" + fund))
                .isEqualTo(15_000_00L);
        assertThat(totals.path("unreservedFen").asLong()).isEqualTo(journal.get("FUND:" + fund));
        assertThat(totals.path("reservedUnpaidFen").asLong())
                .isEqualTo(journal.get("RESERVED:" + projectId + ":" + fund));
        long paidToHouseholds = IntStream.rangeClosed(7621, 7625)
                .mapToLong(n -> journal.getOrDefault("PAID_HOUSEHOLD:" + card(n), 0L)).sum();
        assertThat(totals.path("paidNetFen").asLong()).isEqualTo(paidToHouseholds).isEqualTo(3 * GRANT_FEN);
        assertThat(totals.path("unspentFen").asLong())
                .isEqualTo(totals.path("appropriatedFen").asLong() - paidToHouseholds);
        // Each step's money is the journal's, event by event: the payments' sum is what the payees' accounts show.
        List<Long> received = new ArrayList<>();
        get("/api/audit/accounts/PAID_HOUSEHOLD:" + card(7624) + "/postings")
                .forEach(p -> received.add(p.path("amountFen").asLong()));
        assertThat(received).containsExactly(GRANT_FEN);
        assertThat(sum(trace.path("steps"), "PAID", "payee", card(7624))).isEqualTo(GRANT_FEN);
    }

    @Test
    void aTraceToAHouseholdNamesTheDocumentsItsMoneyCameFrom() {
        JsonNode trace = get("/api/audit/trace?to=" + card(7624));
        assertThat(trace.path("kind").asText()).isEqualTo("HOUSEHOLD");
        assertThat(trace.path("steps").findValuesAsText("step")).containsOnly("PAID");
        assertThat(find(trace.path("sources"), "documentNo", DOC1).path("paidNetFen").asLong()).isEqualTo(1_000_00L);
        assertThat(find(trace.path("sources"), "documentNo", DOC2).path("paidNetFen").asLong()).isEqualTo(2_000_00L);

        JsonNode reversed = get("/api/audit/trace?to=" + card(7621));
        assertThat(reversed.path("steps").findValuesAsText("step")).containsExactly("PAID", "REVERSED");
        assertThat(reversed.path("totals").path("paidNetFen").asLong()).isZero();
    }

    @Test
    void aTraceToAVillageHoldsThePaymentsToItsHouseholds() {
        JsonNode trace = get("/api/audit/trace?to=" + VILLAGE);
        assertThat(trace.path("kind").asText()).isEqualTo("VILLAGE");
        assertThat(trace.path("steps").findValuesAsText("payee"))
                .containsOnly(card(7621), card(7622), card(7623), card(7624));
        assertThat(trace.path("totals").path("paidNetFen").asLong()).isEqualTo(3 * GRANT_FEN);
        // The sources' side of the sums means nothing for a payee: null, not "appropriated 0, unspent -9,000 yuan".
        for (String field : List.of("appropriatedFen", "reservedFen", "releasedFen", "unreservedFen",
                "reservedUnpaidFen", "unspentFen")) {
            assertThat(trace.path("totals").path(field).isNull()).as(field).isTrue();
        }
        assertThat(trace.path("sources").findValuesAsText("documentNo")).containsExactly(DOC1, DOC2);
    }

    @Test
    void aHouseholdsPageHoldsItsFactsWithPersonalDataMasked() {
        Api.Response page = api.as("auditor").get("/api/audit/households/" + card(7621));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode facts = page.json().path("facts");
        assertThat(facts.findValuesAsText("fact")).containsSubsequence("REGISTERED", "GRANT_REQUESTED",
                "GRANT_APPROVED", "PERSONAL_DATA_VIEWED", "CADRE_RELATIVE_DECLARED", "GRANT_REVERSED");
        assertThat(find(facts, "fact", "PERSONAL_DATA_VIEWED").path("actor").asText()).isEqualTo("auditor");
        assertThat(find(facts, "fact", "PERSONAL_DATA_VIEWED").path("detail").asText()).isEqualTo("审计核查");
        assertThat(find(facts, "fact", "GRANT_REVERSED").path("detail").asText()).contains("冒领，追回");
        assertThat(page.body()).doesNotContain(Households.idNumber(7621), Households.bankCard(7621));
        assertThat(get("/api/audit/households/" + card(7625)).path("facts").findValuesAsText("fact"))
                .containsExactly("REGISTERED", "EXITED");

        // The event history asked for the household, its numbers shown in plain text: a view of its personal data.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                get("/api/audit/events?subject=" + card(7625)).path("events").size()).isGreaterThanOrEqualTo(2));
        JsonNode viewed = get("/api/audit/households/" + card(7625)).path("facts");
        assertThat(viewed.findValuesAsText("fact")).startsWith("REGISTERED", "EXITED").contains("PERSONAL_DATA_VIEWED");
        assertThat(find(viewed, "fact", "PERSONAL_DATA_VIEWED").path("detail").asText()).startsWith("event history");
    }

    @Test
    void eachAsOfViewSaysOfTheNotedInstantWhatTheLiveReadModelsSaidThen() {
        String asOf = "?asOf=" + snapshot;
        JsonNode fundThen = find(get("/api/audit/funds" + asOf).path("funds"), "fundId", fund);
        assertThat(fundThen).isEqualTo(liveFund);

        JsonNode projectThen = find(get("/api/audit/projects" + asOf).path("projects"), "projectId", projectId);
        for (String field : List.of("status", "budgetTotalFen", "reservedFen", "pendingFen", "paidFen")) {
            assertThat(projectThen.path(field)).as(field).isEqualTo(liveProject.path(field));
        }
        JsonNode coverage = get("/api/audit/coverage" + asOf).path("places");
        for (JsonNode live : List.of(liveVillage, liveTownship)) {
            JsonNode then = find(coverage, "code", live.path("code").asText());
            for (String field : List.of("level", "registered", "granted", "grantedFen")) {
                assertThat(then.path(field)).as(field).isEqualTo(live.path(field));
            }
        }
        Map<String, Long> trialBalanceThen = balances(get("/api/audit/trial-balance/from-events" + asOf));
        assertThat(trialBalanceThen).isEqualTo(balances(get("/api/audit/trial-balance" + asOf)));
        for (String account : List.of("FUND:" + fund, "APPROPRIATION:" + fund, "RESERVED:" + projectId + ":" + fund,
                "PAID_HOUSEHOLD:" + card(7621))) {
            assertThat(trialBalanceThen.get(account)).as(account).isEqualTo(liveJournal.get(account));
        }

        // And now: what the money did after the noted instant shows, as the live read models show it.
        JsonNode fundNow = find(get("/api/audit/funds").path("funds"), "fundId", fund);
        assertThat(fundNow).isNotEqualTo(liveFund)
                .isEqualTo(ledger.fundWhen(YEAR, fund, f -> f.path("reservedFen").asLong() == 0));
        assertThat(find(get("/api/audit/projects").path("projects"), "projectId", projectId).path("status").asText())
                .isEqualTo("CANCELLED");
        assertThat(find(get("/api/audit/coverage").path("places"), "code", VILLAGE).path("granted").asLong())
                .isEqualTo(get("/api/grants/coverage?level=VILLAGE&code=" + VILLAGE).path("granted").asLong())
                .isEqualTo(3);
    }

    @Test
    void eachViewAnswersCsvWithTheRowsOfItsJson() {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("/api/audit/trace?from=" + encoded(DOC1), "steps");
        views.put("/api/audit/trace?to=" + card(7624), "steps");
        views.put("/api/audit/households/" + card(7621), "facts");
        views.put("/api/audit/trial-balance/from-events?asOf=" + snapshot, "accounts");
        views.put("/api/audit/funds?asOf=" + snapshot, "funds");
        views.put("/api/audit/projects?asOf=" + snapshot, "projects");
        views.put("/api/audit/coverage?asOf=" + snapshot, "places");
        views.forEach((path, rows) -> {
            JsonNode json = get(path);
            Api.Response csv = api.as("auditor").header("Accept", "text/csv").get(path);
            assertThat(csv.status()).as(path).isEqualTo(200);
            assertThat(csv.contentType()).as(path).startsWith("text/csv");
            assertThat(csv.body()).as(path).contains("\r\n");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines).as(path).hasSize(json.path(rows).size() + 1);
        });
        List<String> trace = api.as("auditor").header("Accept", "text/csv")
                .get("/api/audit/trace?to=" + card(7624)).body().lines().toList();
        JsonNode first = get("/api/audit/trace?to=" + card(7624)).path("steps").path(0);
        assertThat(trace.get(0)).isEqualTo("step,eventId,globalIndex,at,actor,eventType,fundId,appropriationId,"
                + "documentNo,projectId,disbursementId,payeeKind,payee,amountFen");
        assertThat(trace.get(1)).isEqualTo(String.join(",", "PAID", first.path("eventId").asText(),
                first.path("globalIndex").asText(), first.path("at").asText(), "approver", "DisbursementApprovedEvent",
                fund, first.path("appropriationId").asText(), DOC1, projectId, grants.get(7624), "HOUSEHOLD",
                card(7624), "100000"));
    }

    @Nested
    class Refused {

        @Test
        void onlyAnAuditorReadsThem() {
            for (String path : List.of("/api/audit/trace?to=" + card(7621), "/api/audit/households/" + card(7621),
                    "/api/audit/trial-balance/from-events", "/api/audit/funds", "/api/audit/projects",
                    "/api/audit/coverage")) {
                for (String user : List.of("clerk", "approver", "township", "reviewer")) {
                    assertThat(api.as(user).get(path).status()).as(user + " " + path).isEqualTo(403);
                }
                assertThat(api.anonymous().get(path).status()).as(path).isEqualTo(401);
            }
        }

        @Test
        void aTraceNeedsExactlyOneOfFromAndToAndAnAsOfMustBeAnInstant() {
            for (String query : List.of("", "?from=" + fund + "&to=" + card(7621), "?from=%20")) {
                Api.Response refused = api.as("auditor").get("/api/audit/trace" + query);
                assertThat(refused.status()).as(query).isEqualTo(422);
                assertThat(refused.code()).as(query).isEqualTo("TRACE_FROM_OR_TO");
            }
            for (String view : List.of("trial-balance/from-events", "funds", "projects", "coverage")) {
                Api.Response refused = api.as("auditor").get("/api/audit/" + view + "?asOf=yesterday");
                assertThat(refused.status()).as(view).isEqualTo(422);
                assertThat(refused.code()).as(view).isEqualTo("INVALID_AS_OF");
            }
        }

        @Test
        void anUnknownSourceTargetOrHouseholdIsNotFound() {
            Api.Response source = api.as("auditor").get("/api/audit/trace?from=" + encoded("苍溯〔2097〕99号"));
            assertThat(source.status()).isEqualTo(404);
            assertThat(source.code()).isEqualTo("TRACE_SOURCE_NOT_FOUND");
            Api.Response target = api.as("auditor").get("/api/audit/trace?to=" + card(8299));
            assertThat(target.status()).isEqualTo(404);
            assertThat(target.code()).isEqualTo("TRACE_TARGET_NOT_FOUND");
            Api.Response household = api.as("auditor").get("/api/audit/households/" + card(8299));
            assertThat(household.status()).isEqualTo(404);
            assertThat(household.code()).isEqualTo("HOUSEHOLD_NOT_FOUND");
        }
    }
}
