package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.publisher.AutomaticPublisher;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The automatic publisher over HTTP: an appropriation is followed, without anyone publishing by hand, by a county
 * allocation notice listing it, on time, attributed to the system process, visible to staff and on the county page;
 * a redelivered appropriation publishes nothing twice. Fiscal year 2089.
 */
@LedgerTest
class AutomaticPublisherApiTest extends LedgerApiTest {

    static final String COUNTY = "510824";
    static final String DOCUMENT = "苍财农〔2089〕7号";

    @Autowired
    AutomaticPublisher publisher;

    @Autowired
    EventStore eventStore;

    @Test
    void anAppropriationIsFollowedByACountyAllocationNoticeListingItOnce() {
        Api.Response recorded = api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": 2089, "source": "CENTRAL", "amountFen": 123456700, "documentNo": "%s"}
                """.formatted(DOCUMENT));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String fundId = recorded.json().path("fundId").asText();
        String appropriationId = recorded.json().path("appropriationId").asText();
        String noticeId = "NTC-FA-" + appropriationId;

        JsonNode notice = await().atMost(Duration.ofSeconds(30)).until(() -> listing(appropriationId),
                found -> found.size() == 1).get(0);

        JsonNode content = notice.path("content");
        assertThat(content.path("noticeId").asText()).isEqualTo(noticeId);
        assertThat(content.path("kind").asText()).isEqualTo("FUND_ALLOCATION");
        assertThat(content.path("title").asText()).isEqualTo("2089年度中央财政专项扶贫资金分配公告");
        assertThat(content.path("hotline").asText()).isEqualTo("12317");
        assertThat(content.path("rows").get(0).path("cells").toString())
                .contains(DOCUMENT, "123.46万元", "1,234,567.00元");
        assertThat(notice.path("lateByWorkingDays").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%NoticePublishedEvent'", Integer.class, noticeId)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.anonymous().get("/disclosure/")
                .body()).contains(noticeId, "2089年度中央财政专项扶贫资金分配公告"));

        // A redelivery (a replay, a retry after a crash) of the same appropriation: refused as NOTICE_EXISTS, done.
        FundsAppropriatedEvent appropriated = eventStore.readEvents(fundId).asStream()
                .map(message -> message.getPayload()).filter(FundsAppropriatedEvent.class::isInstance)
                .map(FundsAppropriatedEvent.class::cast)
                .filter(event -> event.appropriationId().equals(appropriationId)).findFirst().orElseThrow();
        publisher.on(appropriated);

        assertThat(listing(appropriationId)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, noticeId)).isEqualTo(1);
    }

    /** The county notices listing the appropriation. */
    private List<JsonNode> listing(String appropriationId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode notice : api.as("auditor").get("/api/notices?level=COUNTY&placeCode=" + COUNTY).json()) {
            for (JsonNode row : notice.path("content").path("rows")) {
                if (row.path("item").asText().equals(appropriationId)) {
                    found.add(notice);
                }
            }
        }
        return found;
    }
}
