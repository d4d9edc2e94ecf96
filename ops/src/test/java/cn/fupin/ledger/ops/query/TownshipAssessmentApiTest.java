package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Township assessments of 2073, a year no other test uses, in 月山乡 (510824223) and 浙水乡 (510824209). */
@LedgerTest
class TownshipAssessmentApiTest extends LedgerApiTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    private List<String> documents(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> documents = new ArrayList<>();
        response.json().forEach(assessment -> documents.add(assessment.path("documentNo").asText()));
        return documents;
    }

    @Test
    void assessmentsAreReadByTownshipAndByYear() {
        EventAppender appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
        appender.append("Township", "TWN-510824223",
                new TownshipAssessedEvent("510824223", 2073, 9250, "苍委办〔2074〕1号", "clerk"));
        appender.append("Township", "TWN-510824209",
                new TownshipAssessedEvent("510824209", 2073, 8800, "苍委办〔2074〕2号", "clerk"),
                new TownshipAssessedEvent("510824209", 2074, 8900, "苍委办〔2075〕2号", "clerk"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(documents(api.as("auditor").get("/api/townships/assessments?year=2073")))
                        .containsExactly("苍委办〔2074〕2号", "苍委办〔2074〕1号"));

        Api.Response answer = api.as("clerk").get("/api/townships/510824223/assessments");
        // Two decimals as recorded, even where the second is 0 (the body as sent; a JSON reader would drop it).
        assertThat(answer.body()).contains("\"score\":92.50");
        JsonNode yueshan = answer.json();
        assertThat(yueshan).hasSize(1);
        assertThat(yueshan.get(0).path("townshipName").asText()).isEqualTo("月山乡");
        assertThat(yueshan.get(0).path("year").asInt()).isEqualTo(2073);
        assertThat(yueshan.get(0).path("score").decimalValue()).isEqualByComparingTo("92.50");
        assertThat(yueshan.get(0).path("recordedBy").asText()).isEqualTo("clerk");
        assertThat(documents(api.as("township").get("/api/townships/510824209/assessments")))
                .containsExactly("苍委办〔2074〕2号", "苍委办〔2075〕2号");
    }

    @Test
    void aTownshipOutsideTheCountyIsNotFound() {
        Api.Response response = api.as("clerk").get("/api/townships/510824999/assessments");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("TOWNSHIP_NOT_FOUND");
    }

    @Test
    void aYearOutOfRangeIsAnInvalidParameter() {
        Api.Response response = api.as("clerk").get("/api/townships/assessments?year=1999");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("YEAR_OUT_OF_RANGE");
    }
}
