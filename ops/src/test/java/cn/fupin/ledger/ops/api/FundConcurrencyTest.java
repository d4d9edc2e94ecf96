package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clerks appropriating to one fund at the same moment (meaningful on MariaDB with -Pmysql; H2 serialises more): every
 * request is either recorded (201) or refused whole (409 CONCURRENT_MODIFICATION, nothing recorded), and the fund's
 * total is exactly the sum of the recorded ones — no update is lost and none is half applied.
 */
@LedgerTest
class FundConcurrencyTest {

    private static final int CLERKS = 12;
    private static final long AMOUNT_FEN = 1_000_00L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void racingAppropriationsToOneFundAreEachRecordedWholeOrRefusedWhole() throws Exception {
        race(2061, false);
    }

    /**
     * With Idempotency-Key the command's transaction outlives Axon's aggregate lock, so requests really collide on the
     * event table; the server retries the losers, and whatever still loses is refused whole.
     */
    @Test
    void racingAppropriationsWithIdempotencyKeysAreEachRecordedWholeOrRefusedWhole() throws Exception {
        race(2062, true);
    }

    private void race(int year, boolean withKeys) throws Exception {
        Api api = new Api(port);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLERKS);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLERKS; i++) {
                String body = """
                        {"fiscalYear": %d, "source": "PROVINCIAL", "amountFen": %d, "documentNo": "川财农〔%d〕%d号"}
                        """.formatted(year, AMOUNT_FEN, year, i + 1);
                Api client = api.as(i % 2 == 0 ? "clerk" : "clerk2");
                Api sender = withKeys ? client.header("Idempotency-Key", "race-" + year + "-" + i) : client;
                answers.add(pool.submit(() -> {
                    start.await();
                    return sender.post("/api/funds/appropriations", body);
                }));
            }
            start.countDown();
            int recorded = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get(60, TimeUnit.SECONDS);
                if (response.status() == 201) {
                    recorded++;
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(409);
                    assertThat(response.code()).isEqualTo("CONCURRENT_MODIFICATION");
                }
            }
            assertThat(recorded).isPositive();
            long events = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                    "FUND-510824-" + year + "-PROVINCIAL");
            assertThat(events).isEqualTo(recorded);
            long expectedFen = recorded * AMOUNT_FEN;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode funds = api.as("auditor").get("/api/funds?fiscalYear=" + year).json();
                assertThat(funds).hasSize(1);
                assertThat(funds.get(0).path("appropriatedFen").asLong()).isEqualTo(expectedFen);
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
