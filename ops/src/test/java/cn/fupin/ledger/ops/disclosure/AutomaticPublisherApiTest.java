package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.publisher.AutomaticPublisher;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.Ledger;
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
 * a redelivered appropriation publishes nothing twice; an approved project is announced on the county's and its
 * township's lists of approved projects, which hold its payments exactly like its plan. Fiscal years 2089 and 2083.
 */
@LedgerTest
class AutomaticPublisherApiTest extends LedgerApiTest {

    static final String COUNTY = "510824";
    static final String DOCUMENT = "苍财农〔2089〕7号";
    static final String TOWNSHIP = "510824105";
    static final String VILLAGE = "510824105203";

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

    @Test
    void anApprovedProjectIsOnTheCountysAndItsTownshipsListsAndAnObjectionThereHoldsItsPaymentsLikeOneOnThePlan() {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(2083, "CENTRAL", 100_000, "财农〔2083〕3号");
        ledger.designatePoor(VILLAGE, 2083);
        String projectId = ledger.propose("clerk", Ledger.project("宝珠村机耕道", "ROADS", VILLAGE, "VILLAGE", 2083,
                "[" + Ledger.line(fund, 50_000) + "]"));
        ledger.approve("approver", projectId);
        String plan = Ledger.planNotice(projectId);
        String countyList = "NTC-PC-" + projectId;
        String townshipList = "NTC-PT-" + projectId;

        JsonNode planNotice = ledger.awaitNotice(plan);
        JsonNode county = ledger.awaitNotice(countyList);
        JsonNode township = ledger.awaitNotice(townshipList);

        assertThat(county.path("content").path("kind").asText()).isEqualTo("PROJECT_LIST");
        assertThat(county.path("content").path("level").asText()).isEqualTo("COUNTY");
        assertThat(county.path("content").path("placeCode").asText()).isEqualTo(COUNTY);
        assertThat(township.path("content").path("level").asText()).isEqualTo("TOWNSHIP");
        assertThat(township.path("content").path("placeCode").asText()).isEqualTo(TOWNSHIP);
        for (JsonNode list : List.of(county, township)) {
            assertThat(list.path("content").path("rows").findValuesAsText("item")).containsExactly(projectId);
            assertThat(list.path("content").path("rows").get(0).path("cells").toString())
                    .contains("白桥镇", "宝珠村", "宝珠村机耕道", "5.00万元", plan);
            assertThat(list.path("content").path("periodEnd").asText()).as("no longer public than the plan")
                    .isEqualTo(planNotice.path("content").path("periodEnd").asText());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.anonymous().get("/disclosure/").body()).contains(countyList);
            assertThat(api.anonymous().get("/disclosure/" + TOWNSHIP + "/").body()).contains(townshipList);
        });
        Api.Response page = api.anonymous().get("/disclosure/notices/" + countyList);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("县级扶贫项目计划公告：宝珠村机耕道", "href=\"" + plan + ".html\"", "12317");
        assertThat(api.anonymous().get("/disclosure/notices/" + countyList + ".csv").body()).contains(plan);

        // A villager objects to the project on the county's list: its payment waits for the answer, as for the plan.
        FromAddress.Answer objected = new FromAddress(port, "127.0.3.1").post("/disclosure/notices/" + countyList
                + "/objections", "{\"item\": \"%s\", \"text\": \"这条路去年已经修过\"}".formatted(projectId));
        assertThat(objected.status()).as(objected.toString()).isEqualTo(201);
        String objectionId = objected.json().path("objectionId").asText();
        ledger.afterPublicity(plan);
        String payment = ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 20_000_00L,
                "苍扶贫付〔2083〕1号");

        Api.Response held = api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}");
        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.json().path("code").asText()).isEqualTo("OBJECTION_PENDING");

        Api.Response dismissed = api.as("auditor").post("/api/notices/" + countyList + "/objections/" + objectionId
                + "/resolve", "{\"outcome\": \"DISMISSED\", \"reason\": \"经核实，该路段未重复立项\"}");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        Api.Response approved = api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
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
