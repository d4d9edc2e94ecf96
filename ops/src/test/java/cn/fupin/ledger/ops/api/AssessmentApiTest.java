package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.api.ProblemAssertions.assertProblem;
import static cn.fupin.ledger.ops.api.ProblemAssertions.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Township assessments (乡镇考核结果) over HTTP. Year 2046 in 白桥镇 (510824105) and 五龙镇 (510824107). */
@LedgerTest
class AssessmentApiTest extends LedgerApiTest {

    static String assessment(String score) {
        return "{\"year\": 2046, \"score\": %s, \"documentNo\": \"苍委办〔2047〕3号\"}".formatted(score);
    }

    @Test
    void aClerkRecordsAScoreWithTwoDecimalsOncePerYear() {
        Api.Response recorded = api.as("clerk").post("/api/townships/510824105/assessments", assessment("92.5"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(events.of("TWN-510824105", "TownshipAssessedEvent")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("scoreHundredths").asInt()).isEqualTo(9250);
            assertThat(e.payload().path("year").asInt()).isEqualTo(2046);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode listed = api.as("reviewer").get("/api/townships/510824105/assessments").json();
            assertThat(listed).anySatisfy(a -> {
                assertThat(a.path("year").asInt()).isEqualTo(2046);
                assertThat(a.path("score").decimalValue()).isEqualByComparingTo("92.50");
            });
        });
        assertProblem(api.as("clerk").post("/api/townships/510824105/assessments", assessment("93")), 409,
                "ASSESSMENT_ALREADY_RECORDED");
    }

    @Test
    void aScoreOutsideZeroToHundredOrWithMoreThanTwoDecimalsIsRefused() {
        long before = events.count();

        Api.Response tooHighAnswer = api.as("clerk").post("/api/townships/510824107/assessments", assessment("100.01"));
        Api.Response tooPreciseAnswer = api.as("clerk").post("/api/townships/510824107/assessments", assessment("92.555"));

        assertThat(tooHighAnswer.status()).isEqualTo(422);
        assertThat(tooPreciseAnswer.status()).isEqualTo(422);
        JsonNode tooHigh = ProblemAssertions.assertAnyProblem(tooHighAnswer);
        JsonNode tooPrecise = ProblemAssertions.assertAnyProblem(tooPreciseAnswer);

        assertThat(fieldErrors(tooHigh)).anyMatch(e -> e.startsWith("score"));
        assertThat(fieldErrors(tooPrecise)).contains("score:SCORE_PRECISION");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void anUnknownTownshipIsNotFoundAndOnlyAClerkRecords() {
        assertProblem(api.as("clerk").post("/api/townships/510824999/assessments", assessment("90")), 404,
                "TOWNSHIP_NOT_FOUND");
        assertProblem(api.as("clerk").post("/api/townships/abc/assessments", assessment("90")), 404,
                "TOWNSHIP_NOT_FOUND");
        assertProblem(api.as("reviewer").post("/api/townships/510824107/assessments", assessment("90")), 403,
                "FORBIDDEN");
    }
}
