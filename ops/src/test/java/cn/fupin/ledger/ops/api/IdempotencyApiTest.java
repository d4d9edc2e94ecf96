package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.StoredEvents;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} over HTTP (API.md, IdempotencyFilter): the same key from the same user with the same
 * request answers the first answer again and records nothing new; with another request it is 409. Each test has a
 * fund of its own (fiscal years 2085-2089, which no other test uses) so that its events can be counted exactly,
 * and keys of its own, because idempotency records outlive a test in the shared context.
 */
@LedgerTest
class IdempotencyApiTest extends LedgerApiTest {

    static final String APPROPRIATIONS = "/api/funds/appropriations";
    static final String KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";


    static String appropriation(int year, String source, long amountFen, String documentNo) {
        return """
                {"fiscalYear": %d, "source": "%s", "amountFen": %d, "documentNo": "%s", "note": "idempotency test"}
                """.formatted(year, source, amountFen, documentNo);
    }

    Api.Response post(String user, String key, String json) {
        return api.as(user).header(KEY, key).post(APPROPRIATIONS, json);
    }

    long eventsOf(String aggregateIdentifier) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateIdentifier);
    }

    long allEvents() {
        return jdbc.queryForObject(StoredEvents.COUNT_EXCEPT_NOTICES, Long.class);
    }

    long recordsOf(String user, String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE user_name = ? AND idempotency_key = ?",
                Long.class, user, key);
    }

    @Nested
    class TheSameRequestAgain {

        @Test
        void isAnsweredWithTheFirstAnswerMarkedAsReplayedAndRecordsOneEventInAll() {
            String body = appropriation(2085, "CENTRAL", 500_00L, "幂等测试〔2085〕1号");

            Api.Response first = post("clerk", "idempotency-api-same-request", body);
            Api.Response second = post("clerk", "idempotency-api-same-request", body);
            Api.Response third = post("clerk", "idempotency-api-same-request", body);

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header(REPLAYED)).isNull();
            for (Api.Response again : List.of(second, third)) {
                assertThat(again.status()).isEqualTo(201);
                assertThat(again.body()).isEqualTo(first.body());
                assertThat(again.contentType()).startsWith("application/json");
                assertThat(again.header(REPLAYED)).isEqualTo("true");
            }
            assertThat(eventsOf("FUND-510824-2085-CENTRAL")).isEqualTo(1);
        }

        @Test
        void withoutAKeyIsAnotherRequestThatTheFundJudgesOnItsOwn() {
            String body = appropriation(2085, "PROVINCIAL", 500_00L, "幂等测试〔2085〕2号");

            Api.Response first = api.as("clerk").post(APPROPRIATIONS, body);
            Api.Response second = api.as("clerk").post(APPROPRIATIONS, body);

            assertThat(first.status()).isEqualTo(201);
            assertProblem(second, 409, "DUPLICATE_DOCUMENT_NO");
            assertThat(second.header(REPLAYED)).isNull();
            assertThat(eventsOf("FUND-510824-2085-PROVINCIAL")).isEqualTo(1);
        }
    }

    @Nested
    class AKeyUsedForAnotherRequest {

        @Test
        void withAnotherBodyIsRefusedAsReusedAndRecordsNothing() {
            Api.Response first = post("clerk", "idempotency-api-other-body",
                    appropriation(2086, "CENTRAL", 500_00L, "幂等测试〔2086〕1号"));
            long before = allEvents();

            Api.Response reused = post("clerk", "idempotency-api-other-body",
                    appropriation(2086, "CENTRAL", 600_00L, "幂等测试〔2086〕2号"));

            assertThat(first.status()).isEqualTo(201);
            assertProblem(reused, 409, "IDEMPOTENCY_KEY_REUSED");
            assertThat(reused.header(REPLAYED)).isNull();
            assertThat(allEvents()).isEqualTo(before);
            assertThat(eventsOf("FUND-510824-2086-CENTRAL")).isEqualTo(1);
        }

        @Test
        void onAnotherPathIsRefusedAsReusedAndRecordsNothing() {
            Api.Response first = post("clerk", "idempotency-api-other-path",
                    appropriation(2086, "MUNICIPAL", 500_00L, "幂等测试〔2086〕3号"));
            long before = allEvents();

            Api.Response reused = api.as("clerk").header(KEY, "idempotency-api-other-path")
                    .post("/api/places/villages/510824229214/poor-designations",
                            "{\"year\": 2086, \"documentNo\": \"幂等测试〔2086〕4号\"}");

            assertThat(first.status()).isEqualTo(201);
            assertProblem(reused, 409, "IDEMPOTENCY_KEY_REUSED");
            assertThat(allEvents()).isEqualTo(before);
        }
    }

    @Nested
    class TwoUsers {

        @Test
        void withTheSameKeyEachGetTheirOwnRequestRecordedAndReplayed() {
            String clerksBody = appropriation(2087, "COUNTY", 100_00L, "幂等测试〔2087〕1号");
            String otherClerksBody = appropriation(2087, "COUNTY", 200_00L, "幂等测试〔2087〕2号");

            Api.Response clerks = post("clerk", "idempotency-api-shared-key", clerksBody);
            Api.Response otherClerks = post("clerk2", "idempotency-api-shared-key", otherClerksBody);
            Api.Response clerksAgain = post("clerk", "idempotency-api-shared-key", clerksBody);
            Api.Response otherClerksAgain = post("clerk2", "idempotency-api-shared-key", otherClerksBody);

            assertThat(clerks.status()).isEqualTo(201);
            assertThat(otherClerks.status()).isEqualTo(201);
            assertThat(otherClerks.header(REPLAYED)).isNull();
            assertThat(otherClerks.json().path("appropriationId").asText())
                    .isNotEqualTo(clerks.json().path("appropriationId").asText());
            assertThat(clerksAgain.body()).isEqualTo(clerks.body());
            assertThat(clerksAgain.header(REPLAYED)).isEqualTo("true");
            assertThat(otherClerksAgain.body()).isEqualTo(otherClerks.body());
            assertThat(otherClerksAgain.header(REPLAYED)).isEqualTo("true");
            assertThat(eventsOf("FUND-510824-2087-COUNTY")).isEqualTo(2);
        }
    }

    @Nested
    class ARefusedRequest {

        @Test
        void isNotKeptSoACorrectedRequestWithTheSameKeyIsRecordedInsteadOfRefusedAsReused() {
            Api.Response invalid = post("clerk", "idempotency-api-corrected",
                    appropriation(2088, "CENTRAL", 0L, "幂等测试〔2088〕1号"));
            long recordsAfterRefusal = recordsOf("clerk", "idempotency-api-corrected");

            Api.Response corrected = post("clerk", "idempotency-api-corrected",
                    appropriation(2088, "CENTRAL", 100_00L, "幂等测试〔2088〕1号"));

            assertProblem(invalid, 422, "VALIDATION_FAILED");
            assertThat(recordsAfterRefusal).isZero();
            assertThat(corrected.status()).isEqualTo(201);
            assertThat(corrected.header(REPLAYED)).isNull();
            assertThat(recordsOf("clerk", "idempotency-api-corrected")).isEqualTo(1);
            assertThat(eventsOf("FUND-510824-2088-CENTRAL")).isEqualTo(1);
        }

        @Test
        void isJudgedAgainWhenRepeatedWithItsKeyNotReplayed() {
            String body = appropriation(2088, "DONATION", 100_00L, "幂等测试〔2088〕2号");
            assertThat(api.as("clerk").post(APPROPRIATIONS, body).status()).isEqualTo(201);

            Api.Response refused = post("clerk", "idempotency-api-refused-twice", body);
            Api.Response refusedAgain = post("clerk", "idempotency-api-refused-twice", body);

            assertProblem(refused, 409, "DUPLICATE_DOCUMENT_NO");
            assertProblem(refusedAgain, 409, "DUPLICATE_DOCUMENT_NO");
            assertThat(refusedAgain.header(REPLAYED)).isNull();
            assertThat(recordsOf("clerk", "idempotency-api-refused-twice")).isZero();
            assertThat(eventsOf("FUND-510824-2088-DONATION")).isEqualTo(1);
        }

        @Test
        void byTheRoleRulesIsNotKeptEither() {
            Api.Response forbidden = api.as("approver").header(KEY, "idempotency-api-forbidden")
                    .post(APPROPRIATIONS, appropriation(2088, "WORK_RELIEF", 100_00L, "幂等测试〔2088〕3号"));

            assertProblem(forbidden, 403, "FORBIDDEN");
            assertThat(recordsOf("approver", "idempotency-api-forbidden")).isZero();
            assertThat(eventsOf("FUND-510824-2088-WORK_RELIEF")).isZero();
        }
    }

    @Nested
    class AnInvalidKey {

        @Test
        void ofTwoHundredAndOneCharactersIsRefusedAndRecordsNothing() {
            long before = allEvents();

            Api.Response refused = post("clerk", "k".repeat(201),
                    appropriation(2089, "CENTRAL", 100_00L, "幂等测试〔2089〕1号"));

            assertProblem(refused, 400, "IDEMPOTENCY_KEY_INVALID");
            assertThat(allEvents()).isEqualTo(before);
            assertThat(eventsOf("FUND-510824-2089-CENTRAL")).isZero();
        }

        @Test
        void withASpaceIsRefusedAndRecordsNothing() {
            Api.Response refused = post("clerk", "two words",
                    appropriation(2089, "PROVINCIAL", 100_00L, "幂等测试〔2089〕2号"));

            assertProblem(refused, 400, "IDEMPOTENCY_KEY_INVALID");
            assertThat(eventsOf("FUND-510824-2089-PROVINCIAL")).isZero();
        }

        @Test
        void thatIsEmptyIsRefusedAndRecordsNothing() {
            Api.Response refused = post("clerk", "",
                    appropriation(2089, "MUNICIPAL", 100_00L, "幂等测试〔2089〕3号"));

            assertProblem(refused, 400, "IDEMPOTENCY_KEY_INVALID");
            assertThat(eventsOf("FUND-510824-2089-MUNICIPAL")).isZero();
        }

        @Test
        void isNotAKeyOfTwoHundredCharactersWhichIsTheLongestAllowed() {
            String longest = "idempotency-api-longest-".concat("x".repeat(200 - 24));

            Api.Response created = post("clerk", longest, appropriation(2089, "COUNTY", 100_00L, "幂等测试〔2089〕4号"));
            Api.Response replayed = post("clerk", longest, appropriation(2089, "COUNTY", 100_00L, "幂等测试〔2089〕4号"));

            assertThat(longest).hasSize(200);
            assertThat(created.status()).isEqualTo(201);
            assertThat(replayed.header(REPLAYED)).isEqualTo("true");
            assertThat(replayed.body()).isEqualTo(created.body());
            assertThat(eventsOf("FUND-510824-2089-COUNTY")).isEqualTo(1);
        }
    }

    @Nested
    class AKeyOnARead {

        @Test
        void isIgnoredAndKeepsNothing() {
            Api.Response first = api.as("auditor").header(KEY, "idempotency-api-read").get("/api/funds?fiscalYear=2089");
            Api.Response second = api.as("auditor").header(KEY, "idempotency-api-read").get("/api/funds?fiscalYear=2089");

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.header(REPLAYED)).isNull();
            assertThat(recordsOf("auditor", "idempotency-api-read")).isZero();
        }
    }

    @Nested
    class TheSameRequestSentInParallel {

        static final int THREADS = 8;

        @Test
        void isRecordedOnceAndEveryOtherAnswerIsTheSameAnswerOrKeyInUse() throws Exception {
            String body = appropriation(2089, "INTEGRATED_AGRICULTURE", 800_00L, "幂等测试〔2089〕8号");
            String key = "idempotency-api-parallel";
            long before = allEvents();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Api.Response> answers = new ArrayList<>();
            try {
                CountDownLatch ready = new CountDownLatch(THREADS);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Api.Response>> sent = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    Api clerk = api.as("clerk").header(KEY, key);
                    sent.add(threads.submit(() -> {
                        ready.countDown();
                        go.await();
                        return clerk.post(APPROPRIATIONS, body);
                    }));
                }
                assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                for (Future<Api.Response> answer : sent) {
                    answers.add(answer.get(120, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }

            List<Api.Response> created = answers.stream().filter(answer -> answer.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).extracting(Api.Response::body).containsOnly(created.get(0).body());
            assertThat(created).filteredOn(answer -> answer.header(REPLAYED) == null).hasSize(1);
            for (Api.Response answer : answers) {
                if (answer.status() != 201) {
                    assertProblem(answer, 409, "IDEMPOTENCY_KEY_IN_USE");
                }
            }
            assertThat(eventsOf("FUND-510824-2089-INTEGRATED_AGRICULTURE")).isEqualTo(1);
            assertThat(allEvents()).isEqualTo(before + 1);

            Api.Response afterwards = api.as("clerk").header(KEY, key).post(APPROPRIATIONS, body);
            assertThat(afterwards.status()).isEqualTo(201);
            assertThat(afterwards.body()).isEqualTo(created.get(0).body());
            assertThat(afterwards.header(REPLAYED)).isEqualTo("true");
        }
    }
}
