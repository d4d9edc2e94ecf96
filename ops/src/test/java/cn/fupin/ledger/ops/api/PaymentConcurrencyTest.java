package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money out under contention (the MariaDB tests; with -Pmysql they run on MariaDB): payments racing for one
 * project's budget, two grant batches racing for one household, and one Idempotency-Key sent many times at once.
 * Fiscal year 2053; households T-7101… in 同心村 (510824105204).
 */
@LedgerTest
class PaymentConcurrencyTest extends LedgerApiTest {

    static final int YEAR = 2053;
    static final String VILLAGE = "510824105204";

    static boolean villageIsPoor;

    @org.junit.jupiter.api.BeforeEach
    void poorVillage() {
        if (!villageIsPoor) {
            new Ledger(api).designatePoor(VILLAGE, YEAR);
            villageIsPoor = true;
        }
    }

    @AfterEach
    void journalHolds() {
        new Ledger(api).assertJournalHolds();
    }

    static List<Api.Response> race(List<Callable<Api.Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (Callable<Api.Response> request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingPaymentsGetExactlyWhatTheProjectsBudgetCoversAndTheRestAreRefused() throws Exception {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "CENTRAL", 100_000, "财农〔2053〕1号");
        String projectId = ledger.propose("clerk", project("村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 8_000) + "]"));
        ledger.approve("approver", projectId);
        ledger.afterPublicity(Ledger.planNotice(projectId));

        List<Callable<Api.Response>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = """
                    {"projectId": "%s", "villageCode": "%s", "amountFen": %d, "voucherNo": "苍扶贫付〔2053〕%d号"}
                    """.formatted(projectId, VILLAGE, 1_000_00L, i + 1);
            String user = i % 2 == 0 ? "clerk" : "clerk2";
            requests.add(() -> api.as(user).post("/api/disbursements", body));
        }
        List<Api.Response> responses = race(requests);

        List<String> paid = new ArrayList<>();
        int refused = 0;
        for (Api.Response response : responses) {
            if (response.status() == 201) {
                paid.add(response.json().path("disbursementId").asText());
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
                assertThat(response.code()).as(response.toString()).isEqualTo("PROJECT_BUDGET_EXCEEDED");
                refused++;
            }
        }
        assertThat(paid).hasSize(8);
        assertThat(refused).isEqualTo(4);

        List<Callable<Api.Response>> approvals = paid.stream().<Callable<Api.Response>>map(id ->
                () -> api.as("approver").post("/api/disbursements/" + id + "/approve", "{}")).toList();
        assertThat(race(approvals)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        long disbursedFen = events.of(fund, "FundsDisbursedEvent").stream()
                .mapToLong(e -> e.payload().path("amountFen").asLong()).sum();
        assertThat(disbursedFen).isEqualTo(8_000_00L);
        ledger.fundWhen(YEAR, fund, f -> f.path("disbursedFen").asLong() == 8_000_00L
                && f.path("reservedFen").asLong() == 0 && f.path("availableFen").asLong() == 92_000_00L);
    }

    @Test
    void twoBatchesNamingTheSameHouseholdAtOnceRecordExactlyOne() throws Exception {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "INTEGRATED_AGRICULTURE", 100_000, "苍财农〔2053〕2号");
        ledger.importHouseholds(IntStream.rangeClosed(7101, 7110)
                .mapToObj(n -> household(n).withVillageCode(VILLAGE)).toArray(Households.Row[]::new));
        String projectId = ledger.propose("clerk", project("产业到户", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 100_000) + "]"));
        ledger.approve("approver", projectId);

        for (int round = 0; round < 5; round++) {
            String shared = Households.cardNo(7101 + round);
            String first = Households.cardNo(7106 + round);
            String body1 = batchBody(projectId, "苍扶贫批〔2053〕" + round + "-1号", shared, first);
            String body2 = batchBody(projectId, "苍扶贫批〔2053〕" + round + "-2号", shared);
            List<Api.Response> responses = race(List.of(
                    () -> api.as("clerk").post("/api/grants/batches", body1),
                    () -> api.as("clerk2").post("/api/grants/batches", body2)));

            assertThat(responses).filteredOn(r -> r.status() == 201).as(responses.toString()).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 201).singleElement().satisfies(r -> {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.code()).isEqualTo("GRANT_BATCH_REFUSED");
                assertThat(r.body()).contains("DUPLICATE_STARTUP_GRANT");
            });
            assertThat(events.of(HouseholdCardNo.streamIdOf(shared), "HouseholdStartupGrantClaimedEvent")).hasSize(1);
        }
    }

    @Test
    void theSameIdempotencyKeySentManyTimesAtOnceHasOneEffect() throws Exception {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "PROVINCIAL", 10_000, "川财农〔2053〕3号");
        String projectId = ledger.propose("clerk", project("村道", "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 5_000) + "]"));
        ledger.approve("approver", projectId);
        String body = """
                {"projectId": "%s", "villageCode": "%s", "amountFen": 100000, "voucherNo": "苍扶贫付〔2053〕幂等1号"}
                """.formatted(projectId, VILLAGE);
        Api keyed = api.as("clerk").header("Idempotency-Key", "pay-2053-once");

        List<Api.Response> responses = race(IntStream.range(0, 8)
                .<Callable<Api.Response>>mapToObj(i -> () -> keyed.post("/api/disbursements", body)).toList());

        Set<String> ids = new HashSet<>();
        for (Api.Response response : responses) {
            if (response.status() == 201) {
                ids.add(response.json().path("disbursementId").asText());
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
                assertThat(response.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(events.of(projectId, "ProjectPaymentRequestedEvent")).hasSize(1);
    }

    static String batchBody(String projectId, String voucherNo, String... cards) {
        List<String> items = new ArrayList<>();
        for (String card : cards) {
            items.add("{\"cardNo\": \"%s\", \"amountFen\": 300000}".formatted(card));
        }
        return "{\"projectId\": \"%s\", \"voucherNo\": \"%s\", \"items\": [%s]}"
                .formatted(projectId, voucherNo, String.join(",", items));
    }
}
