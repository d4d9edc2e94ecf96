package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.NextLinks;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRejectedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsDisbursedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent;
import cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent;
import cn.fupin.ledger.shared.project.ProjectProposedEvent;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read side of payments over HTTP, with events the test appends to the store as the command side would record
 * them: funds of 2075 that reserve and pay, a village project in 百利镇 (510824126, which no other test uses) with
 * its payments, a batch of start-up grants to households there, one reversed, one rejected. Then
 * {@code /api/funds}, {@code /api/projects/{id}}, {@code /api/disbursements}, {@code /api/households/{cardNo}} and
 * {@code /api/grants/coverage}.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentQueryApiTest extends LedgerApiTest {

    static final String BAILI = "510824126";
    static final String BAMIAO = "510824126001";
    static final String LIJIAHE = "510824126201";
    static final String QINGYU = "510824126202";
    static final String CENTRAL = "FUND-510824-2075-CENTRAL";
    static final String COUNTY = "FUND-510824-2075-COUNTY";
    static final Instant T0 = Instant.parse("2075-03-01T08:00:00Z");

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    EventAppender appender;

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static HouseholdRegisteredEvent household(String cardNo, String headName, String villageCode, boolean migrant) {
        return new HouseholdRegisteredEvent(cardNo, headName, "v1:cipher-id", "**************0011", "v1:cipher-card",
                "***************1234", villageCode, villageCode.substring(0, 9), 3, migrant, "IMPORT-PAY");
    }

    static DisbursementRequestedEvent toVillage(String id, long centralFen, long countyFen) {
        List<BudgetLine> split = countyFen == 0 ? List.of(new BudgetLine(CENTRAL, centralFen))
                : List.of(new BudgetLine(CENTRAL, centralFen), new BudgetLine(COUNTY, countyFen));
        return new DisbursementRequestedEvent(id, "PRJ-PAY-V", PayeeKind.VILLAGE, LIJIAHE, BAILI, null,
                centralFen + countyFen, split, "苍扶付〔2075〕" + id.substring(8), null, "clerk");
    }

    static DisbursementRequestedEvent grant(String id, String cardNo, String villageCode) {
        return new DisbursementRequestedEvent(id, "PRJ-PAY-H", PayeeKind.HOUSEHOLD, villageCode, BAILI, cardNo,
                300_000L, List.of(new BudgetLine(CENTRAL, 300_000L)), "苍扶付〔2075〕G1", "GB-PAY-1", "clerk");
    }

    static DisbursementApprovedEvent approved(DisbursementRequestedEvent r) {
        return new DisbursementApprovedEvent(r.disbursementId(), r.projectId(), r.payeeKind(), r.villageCode(),
                r.cardNo(), r.amountFen(), r.fromFunds(), r.batchId(), "approver");
    }

    void disbursement(Instant requestedAt, DisbursementRequestedEvent request) {
        appender.appendAt(requestedAt, "Disbursement", request.disbursementId(), request);
    }

    void decision(Instant decidedAt, String disbursementId, Object decision) {
        appender.appendAt(decidedAt, "Disbursement", disbursementId, decision);
    }

    void fund(Instant recordedAt, String fundId, Object event) {
        appender.appendAt(recordedAt, "Fund", fundId, event);
    }

    void project(Instant recordedAt, Object event, String actor) {
        appender.appendAt(recordedAt, "Project", "PRJ-PAY-V", event, Map.of("actor", actor));
    }

    @BeforeAll
    void recordPayments() {
        appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
        for (HouseholdRegisteredEvent registered : List.of(household("PAY-1001", "张三明", LIJIAHE, false),
                household("PAY-1002", "李四", LIJIAHE, false), household("PAY-1003", "欧阳小明", QINGYU, true),
                household("PAY-1004", "王五", QINGYU, false), household("PAY-1005", "赵六", BAMIAO, false))) {
            appender.appendAt(T0, "Household", registered.cardNo(), registered);
        }

        fund(T0, CENTRAL, new FundsAppropriatedEvent(CENTRAL, "APPR-PAY-1", 2075, FundSource.CENTRAL, 10_000_000L,
                "财农〔2075〕1号", null));
        fund(T0, COUNTY, new FundsAppropriatedEvent(COUNTY, "APPR-PAY-2", 2075, FundSource.COUNTY, 5_000_000L,
                "苍财农〔2075〕2号", null));
        List<BudgetLine> budget = List.of(new BudgetLine(CENTRAL, 600_000L), new BudgetLine(COUNTY, 400_000L));
        project(at(1), new ProjectProposedEvent("PRJ-PAY-V", "李家河村道硬化", "ROADS", LIJIAHE, BAILI,
                Beneficiary.VILLAGE, budget, 1_000_000L, "村民委员会", "百利镇人民政府", LocalDate.of(2075, 4, 1),
                LocalDate.of(2075, 10, 31), 40, 120, null, null, null, null, null, null, "clerk"), "clerk");
        project(at(2), new ProjectApprovedEvent("PRJ-PAY-V", "苍扶发〔2075〕1号", budget, "approver"), "approver");
        fund(at(2), CENTRAL, new FundsReservedEvent(CENTRAL, "PRJ-PAY-V", 600_000L, 600_000L, 9_400_000L));
        fund(at(2), COUNTY, new FundsReservedEvent(COUNTY, "PRJ-PAY-V", 400_000L, 400_000L, 4_600_000L));
        fund(at(3), CENTRAL, new FundsReservedEvent(CENTRAL, "PRJ-PAY-H", 2_000_000L, 2_600_000L, 7_400_000L));

        // The village payment DSB-PAY-1 from both funds, approved; DSB-PAY-2 rejected; DSB-PAY-7 still waiting.
        DisbursementRequestedEvent road = toVillage("DSB-PAY-1", 30_000L, 20_000L);
        DisbursementRequestedEvent bridge = toVillage("DSB-PAY-2", 10_000L, 0L);
        DisbursementRequestedEvent culvert = toVillage("DSB-PAY-7", 5_000L, 0L);
        disbursement(at(10), road);
        project(at(10), new ProjectPaymentRequestedEvent("PRJ-PAY-V", "DSB-PAY-1", 50_000L, road.fromFunds()), "clerk");
        disbursement(at(11), bridge);
        project(at(11), new ProjectPaymentRequestedEvent("PRJ-PAY-V", "DSB-PAY-2", 10_000L, bridge.fromFunds()),
                "clerk");
        decision(at(20), "DSB-PAY-1", approved(road));
        fund(at(20), CENTRAL, new FundsDisbursedEvent(CENTRAL, "PRJ-PAY-V", "DSB-PAY-1", 30_000L, 2_570_000L,
                30_000L, 7_400_000L));
        fund(at(20), COUNTY, new FundsDisbursedEvent(COUNTY, "PRJ-PAY-V", "DSB-PAY-1", 20_000L, 380_000L, 20_000L,
                4_600_000L));
        project(at(20), new ProjectPaymentSettledEvent("PRJ-PAY-V", "DSB-PAY-1", "APPROVED", 50_000L,
                road.fromFunds()), "approver");
        decision(at(21), "DSB-PAY-2", new DisbursementRejectedEvent("DSB-PAY-2", "PRJ-PAY-V", null, null, "凭证不全",
                "approver"));
        project(at(21), new ProjectPaymentSettledEvent("PRJ-PAY-V", "DSB-PAY-2", "REJECTED", 10_000L,
                bridge.fromFunds()), "approver");
        disbursement(at(60), culvert);
        project(at(60), new ProjectPaymentRequestedEvent("PRJ-PAY-V", "DSB-PAY-7", 5_000L, culvert.fromFunds()),
                "clerk");

        // The grant batch GB-PAY-1: 张三明 paid, 李四 rejected, 欧阳小明 paid and reversed, 王五 paid then exited.
        DisbursementRequestedEvent zhang = grant("DSB-PAY-3", "PAY-1001", LIJIAHE);
        DisbursementRequestedEvent li = grant("DSB-PAY-4", "PAY-1002", LIJIAHE);
        DisbursementRequestedEvent ouyang = grant("DSB-PAY-5", "PAY-1003", QINGYU);
        DisbursementRequestedEvent wang = grant("DSB-PAY-6", "PAY-1004", QINGYU);
        for (DisbursementRequestedEvent request : List.of(wang, ouyang, li, zhang)) {
            disbursement(at(30), request);
        }
        decision(at(40), "DSB-PAY-3", approved(zhang));
        decision(at(40), "DSB-PAY-4", new DisbursementRejectedEvent("DSB-PAY-4", "PRJ-PAY-H", "PAY-1002", "GB-PAY-1",
                "非本村农户", "approver"));
        decision(at(40), "DSB-PAY-5", approved(ouyang));
        decision(at(40), "DSB-PAY-6", approved(wang));
        fund(at(40), CENTRAL, new FundsDisbursedEvent(CENTRAL, "PRJ-PAY-H", "DSB-PAY-3", 300_000L, 2_270_000L,
                330_000L, 7_400_000L));
        fund(at(40), CENTRAL, new FundsDisbursedEvent(CENTRAL, "PRJ-PAY-H", "DSB-PAY-5", 300_000L, 1_970_000L,
                630_000L, 7_400_000L));
        fund(at(40), CENTRAL, new FundsDisbursedEvent(CENTRAL, "PRJ-PAY-H", "DSB-PAY-6", 300_000L, 1_670_000L,
                930_000L, 7_400_000L));
        decision(at(50), "DSB-PAY-5", new DisbursementReversedEvent("DSB-PAY-5", "PRJ-PAY-H", PayeeKind.HOUSEHOLD,
                QINGYU, "PAY-1003", 300_000L, ouyang.fromFunds(), "银行退回", "auditor"));
        fund(at(50), CENTRAL, new FundDisbursementReversedEvent(CENTRAL, "PRJ-PAY-H", "DSB-PAY-5", 300_000L,
                1_970_000L, 630_000L, 7_400_000L));
        appender.appendAt(at(70), "Household", "PAY-1004", new HouseholdExitedEvent("PAY-1004", 2075, "人均纯收入超过标准"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(statuses("?project=PRJ-PAY-H")).containsExactly("DSB-PAY-3:APPROVED", "DSB-PAY-4:REJECTED",
                    "DSB-PAY-5:REVERSED", "DSB-PAY-6:APPROVED");
            assertThat(statuses("?project=PRJ-PAY-V")).hasSize(3);
            assertThat(fundView(CENTRAL).path("disbursedFen").asLong()).isEqualTo(630_000L);
            assertThat(projectView().path("history")).hasSize(7);
            assertThat(grantsOf("PAY-1003")).hasSize(1);
            assertThat(coverage("?level=village&code=" + QINGYU).path("registered").asLong()).isEqualTo(1L);
            assertThat(coverage("?level=village&code=" + LIJIAHE).path("granted").asLong()).isEqualTo(1L);
            assertThat(coverage("?level=village&code=" + QINGYU).path("granted").asLong()).isZero();
        });
    }

    private List<String> statuses(String query) {
        List<String> found = new ArrayList<>();
        disbursements(query).forEach(d -> found.add(d.path("disbursementId").asText() + ":"
                + d.path("status").asText()));
        return found;
    }

    private JsonNode disbursements(String query) {
        Api.Response response = new Api(port).as("clerk").get("/api/disbursements" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<String> ids(String query) {
        List<String> found = new ArrayList<>();
        disbursements(query).forEach(d -> found.add(d.path("disbursementId").asText()));
        return found;
    }

    private JsonNode one(String disbursementId) {
        String project = disbursementId.matches("DSB-PAY-[127]") ? "PRJ-PAY-V" : "PRJ-PAY-H";
        for (JsonNode d : disbursements("?project=" + project)) {
            if (d.path("disbursementId").asText().equals(disbursementId)) {
                return d;
            }
        }
        throw new AssertionError("not listed: " + disbursementId);
    }

    private JsonNode fundView(String fundId) {
        for (JsonNode fund : new Api(port).as("approver").get("/api/funds?fiscalYear=2075").json()) {
            if (fund.path("fundId").asText().equals(fundId)) {
                return fund;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode projectView() {
        return new Api(port).as("clerk").get("/api/projects/PRJ-PAY-V").json();
    }

    private JsonNode grantsOf(String cardNo) {
        Api.Response response = new Api(port).as("clerk").get("/api/households/" + cardNo);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("grants");
    }

    private JsonNode coverage(String query) {
        Api.Response response = new Api(port).as("township").get("/api/grants/coverage" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void assertProblem(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        }
    }

    @Nested
    class Funds {

        @Test
        void aFundShowsWhatItPaidAndWhatItStillHoldsReserved() {
            JsonNode central = fundView(CENTRAL);
            assertThat(central.path("appropriatedFen").asLong()).isEqualTo(10_000_000L);
            assertThat(central.path("reservedFen").asLong()).isEqualTo(1_970_000L);
            assertThat(central.path("disbursedFen").asLong()).isEqualTo(630_000L);
            assertThat(central.path("availableFen").asLong()).isEqualTo(7_400_000L);

            JsonNode county = fundView(COUNTY);
            assertThat(county.path("reservedFen").asLong()).isEqualTo(380_000L);
            assertThat(county.path("disbursedFen").asLong()).isEqualTo(20_000L);
            assertThat(county.path("availableFen").asLong()).isEqualTo(4_600_000L);
        }
    }

    @Nested
    class Projects {

        @Test
        void aProjectShowsWhatIsPendingWhatWasPaidAndEachPaymentAsAStep() {
            JsonNode project = projectView();
            assertThat(project.path("pendingFen").asLong()).isEqualTo(5_000L);
            assertThat(project.path("paidFen").asLong()).isEqualTo(50_000L);
            assertThat(project.path("reservedFen").asLong()).isEqualTo(950_000L);

            List<String> steps = new ArrayList<>();
            project.path("history").forEach(step -> steps.add(step.path("step").asText() + "/"
                    + step.path("actor").asText() + "/"
                    + (step.path("detail").isNull() ? "" : step.path("detail").asText())));
            assertThat(steps).containsExactly("PROPOSED/clerk/", "APPROVED/approver/苍扶发〔2075〕1号",
                    "PAYMENT_REQUESTED/clerk/DSB-PAY-1", "PAYMENT_REQUESTED/clerk/DSB-PAY-2",
                    "PAID/approver/DSB-PAY-1", "PAYMENT_REJECTED/approver/DSB-PAY-2",
                    "PAYMENT_REQUESTED/clerk/DSB-PAY-7");
            assertThat(project.path("history").get(4).path("at").asText()).isEqualTo("2075-03-01T08:20:00Z");
        }
    }

    @Nested
    class Disbursements {

        @Test
        void eachShowsPayeeSplitVoucherAndWhoRequestedAndDecidedWhen() {
            JsonNode road = one("DSB-PAY-1");
            assertThat(road.path("payeeKind").asText()).isEqualTo("VILLAGE");
            assertThat(road.path("villageCode").asText()).isEqualTo(LIJIAHE);
            assertThat(road.path("townshipCode").asText()).isEqualTo(BAILI);
            assertThat(road.path("amountFen").asLong()).isEqualTo(50_000L);
            assertThat(road.path("fromFunds")).hasSize(2);
            assertThat(road.path("fromFunds").get(1).path("fundId").asText()).isEqualTo(COUNTY);
            assertThat(road.path("fromFunds").get(1).path("amountFen").asLong()).isEqualTo(20_000L);
            assertThat(road.path("voucherNo").asText()).isEqualTo("苍扶付〔2075〕1");
            assertThat(road.path("requestedBy").asText()).isEqualTo("clerk");
            assertThat(road.path("requestedAt").asText()).isEqualTo("2075-03-01T08:10:00Z");
            assertThat(road.path("decidedBy").asText()).isEqualTo("approver");
            assertThat(road.path("decidedAt").asText()).isEqualTo("2075-03-01T08:20:00Z");
            assertThat(road.path("headNameMasked").isNull()).isTrue();
        }

        @Test
        void aRejectionAndAReversalSayWhoAndWhy() {
            JsonNode bridge = one("DSB-PAY-2");
            assertThat(bridge.path("status").asText()).isEqualTo("REJECTED");
            assertThat(bridge.path("reason").asText()).isEqualTo("凭证不全");

            JsonNode ouyang = one("DSB-PAY-5");
            assertThat(ouyang.path("batchId").asText()).isEqualTo("GB-PAY-1");
            assertThat(ouyang.path("decidedBy").asText()).isEqualTo("approver");
            assertThat(ouyang.path("reversedBy").asText()).isEqualTo("auditor");
            assertThat(ouyang.path("reversedAt").asText()).isEqualTo("2075-03-01T08:50:00Z");
            assertThat(ouyang.path("reason").asText()).isEqualTo("银行退回");
        }

        @Test
        void headNamesAreMaskedAndNeverShownWhole() {
            assertThat(one("DSB-PAY-3").path("headNameMasked").asText()).isEqualTo("张*明");
            assertThat(one("DSB-PAY-4").path("headNameMasked").asText()).isEqualTo("李*");
            assertThat(one("DSB-PAY-5").path("headNameMasked").asText()).isEqualTo("欧**明");
            Api.Response response = api.as("auditor").get("/api/disbursements?project=PRJ-PAY-H");
            assertThat(response.body()).doesNotContain("张三明", "李四", "欧阳小明", "王五");
        }

        @Test
        void theListIsInRequestOrderThenById() {
            assertThat(ids("?project=PRJ-PAY-V")).containsExactly("DSB-PAY-1", "DSB-PAY-2", "DSB-PAY-7");
            // Four grants requested at the same instant, appended in reverse: listed by id.
            assertThat(ids("?project=PRJ-PAY-H")).containsExactly("DSB-PAY-3", "DSB-PAY-4", "DSB-PAY-5",
                    "DSB-PAY-6");
        }

        @Test
        void filtersByVillageHouseholdAndStatusCombine() {
            assertThat(ids("?village=" + QINGYU)).containsExactly("DSB-PAY-5", "DSB-PAY-6");
            assertThat(ids("?cardNo=PAY-1001")).containsExactly("DSB-PAY-3");
            assertThat(ids("?village=" + LIJIAHE + "&status=APPROVED")).containsExactly("DSB-PAY-1", "DSB-PAY-3");
            assertThat(ids("?project=PRJ-PAY-V&status=REQUESTED")).containsExactly("DSB-PAY-7");
            assertThat(ids("?project=PRJ-PAY-H&status=REVERSED")).containsExactly("DSB-PAY-5");
            assertThat(ids("?project=PRJ-PAY-H&village=" + BAMIAO)).isEmpty();
        }

        @Test
        void emptyParametersAreNoFilter() {
            // (the whole list may be longer than a page: the empty filters must find what no filter finds)
            assertThat(ids("?project=&village=&cardNo=&status=")).hasSizeGreaterThanOrEqualTo(7)
                    .isEqualTo(ids(""));
        }

        @Test
        void everyStaffRoleReadsThemAndNobodyUnauthenticated() {
            for (String user : List.of("clerk", "approver", "auditor", "reviewer", "township")) {
                assertThat(api.as(user).get("/api/disbursements?project=PRJ-PAY-V").status()).as(user).isEqualTo(200);
            }
            assertProblem(api.anonymous().get("/api/disbursements"), 401, "UNAUTHENTICATED", null);
        }

        @Test
        void badFiltersAreInvalidParameters() {
            assertProblem(api.as("clerk").get("/api/disbursements?status=PAID"), 422, "VALIDATION_FAILED", "status");
            assertProblem(api.as("clerk").get("/api/disbursements?village=5108"), 422, "INVALID_VILLAGE_CODE",
                    "village");
            assertProblem(api.as("clerk").get("/api/disbursements?project=nothing"), 422, "INVALID_PROJECT_ID",
                    "project");
            assertProblem(api.as("clerk").get("/api/disbursements?cardNo=PAY_1001"), 422, "INVALID_CARD_NO",
                    "cardNo");
        }
    }

    @Nested
    class HouseholdGrants {

        @Test
        void aHouseholdShowsItsGrantAndWhereItStands() {
            JsonNode zhang = grantsOf("PAY-1001");
            assertThat(zhang).hasSize(1);
            assertThat(zhang.get(0).path("disbursementId").asText()).isEqualTo("DSB-PAY-3");
            assertThat(zhang.get(0).path("projectId").asText()).isEqualTo("PRJ-PAY-H");
            assertThat(zhang.get(0).path("amountFen").asLong()).isEqualTo(300_000L);
            assertThat(zhang.get(0).path("status").asText()).isEqualTo("APPROVED");
            assertThat(grantsOf("PAY-1002").get(0).path("status").asText()).isEqualTo("REJECTED");
            assertThat(grantsOf("PAY-1003").get(0).path("status").asText()).isEqualTo("REVERSED");
            assertThat(grantsOf("PAY-1005")).isEmpty();
        }
    }

    @Nested
    class Coverage {

        @Test
        void aVillageCountsRegisteredHouseholdsAndThosePaid() {
            JsonNode lijiahe = coverage("?level=village&code=" + LIJIAHE);
            assertThat(lijiahe.path("level").asText()).isEqualTo("VILLAGE");
            assertThat(lijiahe.path("code").asText()).isEqualTo(LIJIAHE);
            assertThat(lijiahe.path("name").asText()).isEqualTo("李家河村村民委员会");
            assertThat(lijiahe.path("registered").asLong()).isEqualTo(2L);
            assertThat(lijiahe.path("granted").asLong()).isEqualTo(1L);
            assertThat(lijiahe.path("grantedFen").asLong()).isEqualTo(300_000L);
        }

        @Test
        void aReversedGrantAndAnExitedHouseholdCountForNothing() {
            JsonNode qingyu = coverage("?level=village&code=" + QINGYU);
            assertThat(qingyu.path("registered").asLong()).isEqualTo(1L);
            assertThat(qingyu.path("granted").asLong()).isZero();
            assertThat(qingyu.path("grantedFen").asLong()).isZero();
        }

        @Test
        void aTownshipAddsUpItsVillages() {
            JsonNode baili = coverage("?level=township&code=" + BAILI);
            assertThat(baili.path("name").asText()).isEqualTo("百利镇");
            assertThat(baili.path("registered").asLong()).isEqualTo(4L);
            assertThat(baili.path("granted").asLong()).isEqualTo(1L);
            assertThat(baili.path("grantedFen").asLong()).isEqualTo(300_000L);
        }

        @Test
        void everyVillagesKeptCountsAreWhatCountingItsHouseholdsAndGrantsGives() {
            // the answers add up one kept row per village; whatever order the household and grant events came in (in
            // this shared ledger: every test's registrations, grants, reversals, exits and returns), each row must be
            // what counting the detail rows gives, and no village with a registered household may lack a row
            String recount = "SELECT h.village_code, COUNT(DISTINCT h.card_no), COUNT(DISTINCT g.card_no),"
                    + " COALESCE(SUM(g.amount_fen), 0) FROM coverage_household h LEFT JOIN coverage_grant g"
                    + " ON g.card_no = h.card_no AND g.reversed = FALSE WHERE h.registered = TRUE GROUP BY h.village_code";
            String kept = "SELECT village_code, registered, granted, granted_fen FROM coverage_village"
                    + " WHERE registered > 0 OR granted > 0 OR granted_fen > 0";
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(jdbc.queryForList(kept)).isNotEmpty();
                assertThat(rows(kept)).isEqualTo(rows(recount));
            });
        }

        private java.util.Map<String, java.util.List<Long>> rows(String sql) {
            java.util.Map<String, java.util.List<Long>> rows = new java.util.TreeMap<>();
            jdbc.query(sql, rs -> {
                rows.put(rs.getString(1), java.util.List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            });
            return rows;
        }

        @Test
        void theCountyIsTheDefaultLevelAndAddsUpItsTownships() {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode county = coverage("");
                assertThat(county.path("level").asText()).isEqualTo("COUNTY");
                assertThat(county.path("code").asText()).isEqualTo("510824");
                assertThat(county.path("name").asText()).isEqualTo("苍溪县");
                assertThat(coverage("?level=county&code=510824")).isEqualTo(county);

                JsonNode townships = api.as("clerk").get("/api/grants/coverage/townships").json();
                long registered = 0;
                long granted = 0;
                long grantedFen = 0;
                for (JsonNode township : townships) {
                    registered += township.path("registered").asLong();
                    granted += township.path("granted").asLong();
                    grantedFen += township.path("grantedFen").asLong();
                }
                assertThat(county.path("registered").asLong()).isEqualTo(registered).isGreaterThanOrEqualTo(4L);
                assertThat(county.path("granted").asLong()).isEqualTo(granted);
                assertThat(county.path("grantedFen").asLong()).isEqualTo(grantedFen).isGreaterThanOrEqualTo(300_000L);
            });
        }

        @Test
        void everyTownshipOfTheCountyIsListedWithItsCoverage() {
            Api.Response response = api.as("reviewer").get("/api/grants/coverage/townships");
            assertThat(response.status()).isEqualTo(200);
            JsonNode townships = response.json();
            assertThat(townships).hasSize(34);
            JsonNode baili = null;
            for (JsonNode township : townships) {
                assertThat(township.path("level").asText()).isEqualTo("TOWNSHIP");
                if (township.path("code").asText().equals(BAILI)) {
                    baili = township;
                }
            }
            assertThat(baili).isNotNull();
            assertThat(baili.path("registered").asLong()).isEqualTo(4L);
            assertThat(baili.path("granted").asLong()).isEqualTo(1L);
            assertThat(townships.get(0).path("code").asText()).isEqualTo("510824100");
        }

        @Test
        void aPlaceOutsideTheCountyIsNotFound() {
            assertProblem(api.as("clerk").get("/api/grants/coverage?level=village&code=510824126999"), 404,
                    "PLACE_NOT_FOUND", null);
            assertProblem(api.as("clerk").get("/api/grants/coverage?level=township&code=510823100"), 404,
                    "PLACE_NOT_FOUND", null);
            assertProblem(api.as("clerk").get("/api/grants/coverage?level=county&code=510823"), 404,
                    "PLACE_NOT_FOUND", null);
        }

        @Test
        void aBadLevelOrCodeIsAnInvalidParameter() {
            assertProblem(api.as("clerk").get("/api/grants/coverage?level=city"), 422, "INVALID_COVERAGE_LEVEL",
                    "level");
            assertProblem(api.as("clerk").get("/api/grants/coverage?level=township"), 422, "INVALID_TOWNSHIP_CODE",
                    "code");
            assertProblem(api.as("clerk").get("/api/grants/coverage?level=village&code=" + BAILI), 422,
                    "INVALID_VILLAGE_CODE", "code");
        }

        @Test
        void nobodyUnauthenticatedReadsCoverage() {
            assertProblem(api.anonymous().get("/api/grants/coverage"), 401, "UNAUTHENTICATED", null);
            assertProblem(api.anonymous().get("/api/grants/coverage/townships"), 401, "UNAUTHENTICATED", null);
        }
    }

    /** {@code ?size=&after=}: keyset pages in the list's order, linked by {@code Link: rel="next"}. */
    @Nested
    class Pages {

        /** Follows the next links from the first page; answers each page's ids. */
        private List<List<String>> pagesOf(String query) {
            List<List<String>> pages = NextLinks.follow(new Api(port).as("auditor"), "/api/disbursements" + query,
                    row -> row.path("disbursementId").asText());
            assertThat(pages).as("the pages end").hasSizeLessThan(10);
            return pages;
        }

        @Test
        void pagesFollowTheListsOrderWithTiesBrokenById() {
            // the four grants were requested at one instant: the id decides their order, across page ends too
            assertThat(pagesOf("?project=PRJ-PAY-H&size=1")).containsExactly(List.of("DSB-PAY-3"),
                    List.of("DSB-PAY-4"), List.of("DSB-PAY-5"), List.of("DSB-PAY-6"));
            assertThat(pagesOf("?project=PRJ-PAY-H&size=3")).containsExactly(
                    List.of("DSB-PAY-3", "DSB-PAY-4", "DSB-PAY-5"), List.of("DSB-PAY-6"));
            assertThat(pagesOf("?project=PRJ-PAY-V&size=2&status=")).containsExactly(
                    List.of("DSB-PAY-1", "DSB-PAY-2"), List.of("DSB-PAY-7"));
        }

        @Test
        void aPageAsLargeAsTheRestHasNoNextLink() {
            assertThat(pagesOf("?project=PRJ-PAY-H&size=4")).containsExactly(
                    List.of("DSB-PAY-3", "DSB-PAY-4", "DSB-PAY-5", "DSB-PAY-6"));
            assertThat(pagesOf("?project=PRJ-PAY-H")).hasSize(1);
        }

        @Test
        void aCursorKeepsItsFilters() {
            Api.Response first = new Api(port).as("auditor").get("/api/disbursements?project=PRJ-PAY-V&size=1");
            String link = first.header("Link");

            assertThat(link).contains("project=PRJ-PAY-V", "size=1", "after=");
        }

        @Test
        void aSizeOutOfRangeOrACursorNotOfOursIsRefused() {
            for (String size : List.of("0", "1001", "-5")) {
                assertProblem(new Api(port).as("clerk").get("/api/disbursements?size=" + size), 422,
                        "INVALID_PAGE_SIZE", "size");
            }
            for (String after : List.of("nonsense", "MjAyNQ", "fHg")) {
                assertProblem(new Api(port).as("clerk").get("/api/disbursements?after=" + after), 422,
                        "INVALID_CURSOR", "after");
            }
        }
    }
}
