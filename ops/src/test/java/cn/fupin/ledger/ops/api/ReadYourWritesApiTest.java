package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.consistency.ReadYourWrites;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read your writes (docs/api.md): a command's answer names the position of its newest event in {@code Ledger-Position},
 * and a read with {@code ?consistentWith=} that position waits, bounded, until the read models have it. The funds read
 * model is held back (its processor stopped) so that a read without the wait shows the old state for certain.
 * Fiscal year 2039 is this class's own.
 */
@LedgerTest
class ReadYourWritesApiTest extends LedgerApiTest {

    private static final String APPROPRIATIONS = "/api/funds/appropriations";

    @Autowired
    EventProcessingConfiguration processing;

    private static String appropriation(String source, long amountFen, String documentNo) {
        return """
                {"fiscalYear": 2039, "source": "%s", "amountFen": %d, "documentNo": "%s", "note": "read your writes"}
                """.formatted(source, amountFen, documentNo);
    }

    private static long position(Api.Response answer) {
        assertThat(answer.header(ReadYourWrites.HEADER)).as("%s", answer).isNotNull();
        return Long.parseLong(answer.header(ReadYourWrites.HEADER));
    }

    private JsonNode fund(JsonNode funds, String source) {
        for (JsonNode fund : funds) {
            if (fund.path("source").asText().equals(source)) {
                return fund;
            }
        }
        return null;
    }

    @Test
    void anAnswerNamesThePositionOfTheNewestEventItRecorded() {
        Api.Response created = api.as("clerk").post(APPROPRIATIONS, appropriation("DONATION", 700L, "读写〔2039〕1号"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String fundId = created.json().path("fundId").asText();
        assertThat(position(created)).isEqualTo(jdbc.queryForObject(
                "SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, fundId));
    }

    @Test
    void aReadConsistentWithAWriteWaitsForTheReadModelsAndThenShowsIt() throws Exception {
        StreamingEventProcessor funds = processing.eventProcessor("funds", StreamingEventProcessor.class).orElseThrow();
        funds.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            long position = position(api.as("clerk").post(APPROPRIATIONS,
                    appropriation("WORK_RELIEF", 123_456L, "读写〔2039〕2号")));

            assertThat(fund(api.as("clerk").get("/api/funds?fiscalYear=2039").json(), "WORK_RELIEF"))
                    .as("without the wait, the held-back read model does not have it").isNull();

            Api.Response behind = api.as("clerk").get("/api/funds?fiscalYear=2039&consistentWith=" + position);
            ProblemAssertions.assertProblem(behind, 503, "READ_MODELS_BEHIND");
            assertThat(behind.header("Retry-After")).isEqualTo("1");
            assertThat(behind.json().path("detail").asText()).contains("funds").doesNotContain("projects");

            CompletableFuture<Api.Response> waiting = CompletableFuture.supplyAsync(() ->
                    api.as("approver").get("/api/funds?fiscalYear=2039&consistentWith=" + position));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> !waiting.isDone());
            funds.start();

            Api.Response read = waiting.get(30, TimeUnit.SECONDS);
            assertThat(read.status()).as("%s", read).isEqualTo(200);
            JsonNode fund = fund(read.json(), "WORK_RELIEF");
            assertThat(fund).as("%s", read).isNotNull();
            assertThat(fund.path("appropriatedFen").asLong()).isEqualTo(123_456L);
        } finally {
            if (!funds.isRunning()) {
                funds.start();
            }
        }
    }

    @Test
    void aReplayedAnswerNamesTheSamePosition() {
        Api clerk = api.as("clerk").header("Idempotency-Key", "read-your-writes-2039-3");
        Api.Response first = clerk.post(APPROPRIATIONS, appropriation("MUNICIPAL", 300L, "读写〔2039〕3号"));
        Api.Response again = clerk.post(APPROPRIATIONS, appropriation("MUNICIPAL", 300L, "读写〔2039〕3号"));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(position(again)).isEqualTo(position(first));
        assertThat(jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?",
                String.class, position(first))).isEqualTo(first.json().path("fundId").asText());
    }

    @Test
    void aReadConsistentWithAnEarlierPositionAnswersAtOnce() {
        long position = position(api.as("clerk").post(APPROPRIATIONS, appropriation("COUNTY", 400L, "读写〔2039〕4号")));

        Api.Response read = api.as("auditor").get("/api/funds?fiscalYear=2039&consistentWith=" + position);

        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(fund(read.json(), "COUNTY").path("appropriatedFen").asLong()).isEqualTo(400L);
    }

    @Nested
    class Refusals {

        @Test
        void aPositionThatIsNotANumberIsRefused() {
            for (String given : new String[] {"abc", "0", "-1", "1e3", "99999999999999999999"}) {
                ProblemAssertions.assertProblem(api.as("clerk").get("/api/funds?consistentWith=" + given), 400,
                        "CONSISTENT_WITH_INVALID");
            }
        }

        @Test
        void aPositionWithNoEventIsRefusedRatherThanWaitedFor() {
            long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);

            ProblemAssertions.assertProblem(api.as("clerk").get("/api/funds?consistentWith=" + (head + 1_000_000)), 400,
                    "CONSISTENT_WITH_UNKNOWN");
        }

        @Test
        void anAnonymousReadIsRefusedBeforeAnyWait() {
            ProblemAssertions.assertProblem(api.anonymous().get("/api/funds?consistentWith=1"), 401, "UNAUTHENTICATED");
        }

        @Test
        void aRefusedCommandNamesNoPosition() {
            api.as("clerk").post(APPROPRIATIONS, appropriation("PROVINCIAL", 500L, "读写〔2039〕5号"));
            Api.Response refused = api.as("clerk2").post(APPROPRIATIONS, appropriation("PROVINCIAL", 500L, "读写〔2039〕5号"));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.header(ReadYourWrites.HEADER)).isNull();
        }

        @Test
        void aReadRecordsNothingAndNamesNoPosition() {
            Api.Response read = api.as("auditor").get("/api/funds?fiscalYear=2039");

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header(ReadYourWrites.HEADER)).isNull();
        }
    }
}
