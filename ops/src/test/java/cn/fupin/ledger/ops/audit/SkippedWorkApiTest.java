package cn.fupin.ledger.ops.audit;

import cn.fupin.ledger.disclosure.publisher.AutomaticPublisher;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import cn.fupin.ledger.shared.project.ProjectApprovedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Skipped work over HTTP, from a real refusal: a project of fiscal year 2098 whose name holds a Luhn-valid 16-digit
 * number (what a bank card looks like) is approved; the ledger refuses its plan and its lines on the county's and
 * township's lists (PERSONAL_NUMBER_IN_NOTICE), so the publisher records each as skipped work. Officers see it listed
 * (JSON and CSV), the staff health shows it, the red flag PUBLICATION_SKIPPED names it, and the project's payment stays
 * undisclosed; a retry is refused again and recorded, and neither it nor a redelivery records a second skip. Village
 * 510824112249 (桥沟村), a village no other test uses. Other classes' skips may be in the same store, so every
 * assertion names this class's notices.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkippedWorkApiTest extends LedgerApiTest {

    static final String VILLAGE = "510824112249";
    /** Passes the Luhn check: the ledger takes it for a bank card number and refuses it on a public notice. */
    static final String CARD_LIKE = "6217990000840007";

    @Autowired
    EventStore eventStore;

    @Autowired
    AutomaticPublisher publisher;

    @Autowired
    TransactionManager transactions;

    Ledger ledger;
    String projectId;
    String plan;
    String countyList;

    @BeforeAll
    void approveAProjectWhoseNameLooksLikeABankCard() {
        api = new Api(port);
        events = new StoredEvents(jdbc);
        ledger = new Ledger(api);
        String fund = ledger.appropriate(2098, "CENTRAL", 100_000, "苍财农〔2098〕8号");
        ledger.designatePoor(VILLAGE, 2098);
        projectId = ledger.propose("clerk", Ledger.project("桥沟村便道" + CARD_LIKE, "ROADS", VILLAGE, "VILLAGE", 2098,
                "[" + Ledger.line(fund, 50_000) + "]"));
        ledger.approve("approver", projectId);
        plan = Ledger.planNotice(projectId);
        countyList = "NTC-PC-" + projectId;
        await().atMost(Duration.ofSeconds(60)).until(() -> item(list("?status=OPEN"), plan) != null
                && item(list("?status=OPEN"), countyList) != null);
    }

    private JsonNode list(String query) {
        Api.Response answer = api.as("auditor").get("/api/audit/skipped-work" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode item(JsonNode answer, String noticeId) {
        for (JsonNode item : answer.path("items")) {
            if (item.path("noticeId").asText().equals(noticeId)) {
                return item;
            }
        }
        return null;
    }

    @org.junit.jupiter.api.BeforeEach
    void sameLedger() {
        ledger = new Ledger(api);
    }

    private List<StoredEvents.StoredEvent> skipStream(String noticeId) {
        return events.of("SKP-" + noticeId);
    }

    private List<String> eventIds(String aggregateIdentifier) {
        return jdbc.queryForList("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, aggregateIdentifier);
    }

    @Test
    void theRefusedPlanIsRecordedAsSkippedWorkWithItsCauseAndListedWithoutTheNumber() {
        // The stream starts with the skip; a retry (another test of this class may run first) comes after it.
        assertThat(skipStream(plan)).first().satisfies(skip -> {
            assertThat(skip.isA("NoticePublicationSkippedEvent")).isTrue();
            assertThat(skip.payload().path("kind").asText()).isEqualTo("PROJECT_PLAN");
            assertThat(skip.payload().path("code").asText()).isEqualTo("NOTICE_INVALID");
            assertThat(skip.payload().path("causeType").asText()).isEqualTo("ProjectApprovedEvent");
            assertThat(skip.payload().path("causeAggregateId").asText()).isEqualTo(projectId);
            assertThat(skip.payload().path("problems").toString()).contains("title PERSONAL_NUMBER_IN_NOTICE");
            assertThat(skip.meta("actor")).isEqualTo("system:disclosure-publisher");
            assertThat(skip.payload().toString()).doesNotContain(CARD_LIKE);
        });
        assertThat(skipStream(plan)).filteredOn(event -> event.isA("NoticePublicationSkippedEvent")).hasSize(1);
        assertThat(skipStream(countyList)).first()
                .satisfies(skip -> assertThat(skip.payload().path("kind").asText()).isEqualTo("PROJECT_LIST"));
        assertThat(skipStream(countyList)).filteredOn(event -> event.isA("NoticePublicationSkippedEvent")).hasSize(1);
        assertThat(api.as("auditor").get("/api/notices/" + plan).status()).isEqualTo(404);

        JsonNode answer = list("?status=OPEN");
        JsonNode listed = item(answer, plan);
        assertThat(listed.path("kind").asText()).isEqualTo("PROJECT_PLAN");
        assertThat(listed.path("status").asText()).isEqualTo("OPEN");
        assertThat(listed.path("code").asText()).isEqualTo("NOTICE_INVALID");
        assertThat(listed.path("cause").path("type").asText()).isEqualTo("ProjectApprovedEvent");
        assertThat(listed.path("cause").path("aggregateId").asText()).isEqualTo(projectId);
        assertThat(listed.path("problems").toString()).contains("title PERSONAL_NUMBER_IN_NOTICE");
        assertThat(listed.path("skippedAt").asText()).isNotBlank();
        assertThat(answer.path("counts").path("OPEN").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(answer.toString()).doesNotContain(CARD_LIKE);
        assertThat(item(list("?status=PUBLISHED"), plan)).isNull();
        assertThat(api.as("approver").get("/api/audit/skipped-work").status()).isEqualTo(200);
    }

    @Test
    void theProjectsPaymentStaysUndisclosedWhileItsPlanIsSkipped() {
        ledger.advanceDays(11);
        String payment = ledger.requestDisbursement("clerk", projectId, "villageCode", VILLAGE, 1_000_00L,
                "苍扶贫付〔2098〕3号");

        Api.Response approval = api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}");

        assertThat(approval.status()).as(approval.toString()).isEqualTo(409);
        assertThat(approval.code()).isEqualTo("NOT_DISCLOSED");
    }

    @Test
    void theStaffHealthAsksForAttentionAndThePublicHealthSaysNothingOfIt() {
        for (String user : List.of("auditor", "clerk")) {
            Api.Response staff = api.as(user).get("/actuator/health/ledger");
            assertThat(staff.status()).as(staff.toString()).isEqualTo(200);
            assertThat(staff.json().path("status").asText()).isEqualTo("ATTENTION");
            JsonNode skipped = staff.json().path("components").path("skippedWork");
            assertThat(skipped.path("status").asText()).isEqualTo("ATTENTION");
            assertThat(skipped.path("details").path("open").asLong()).isGreaterThanOrEqualTo(2);
        }
        Api.Response open = api.anonymous().get("/actuator/health");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().path("status").asText()).isEqualTo("UP");
        assertThat(open.body()).doesNotContain("skippedWork", "ATTENTION", "components");
        assertThat(api.anonymous().get("/actuator/health/ledger").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/actuator/health/skippedWork").status()).isEqualTo(401);
    }

    @Test
    void theRedFlagNamesTheSkippedPlanWithItsSkipAsEvidence() {
        Api.Response answer = api.as("auditor").get("/api/audit/red-flags?rule=PUBLICATION_SKIPPED&subject=" + plan);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

        JsonNode finding = answer.json().path("findings").path(0);
        assertThat(finding.path("id").asText()).isEqualTo("PUBLICATION_SKIPPED/" + plan);
        assertThat(finding.path("severity").asText()).isEqualTo("HIGH");
        assertThat(finding.path("evidence").path(0).asText()).isEqualTo(eventIds("SKP-" + plan).get(0));
        assertThat(api.as("auditor").get("/api/audit/red-flags?rule=PUBLICATION_SKIPPED&subject=" + countyList)
                .json().path("findings").path(0).path("severity").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void theCsvHasTheRowsOfTheJson() {
        JsonNode json = list("?status=OPEN");
        Api.Response csv = api.as("auditor").header("Accept", "text/csv").get("/api/audit/skipped-work?status=OPEN");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("\r\n");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("noticeId,kind,causeEventId,causeType,causeAggregateId,causeSequence,code,"
                + "detail,problems,skippedAt,status,retries,lastRetryAt,lastRetryBy");
        assertThat(lines).hasSize(json.path("items").size() + 1);
        JsonNode listed = item(json, plan);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(String.join(",", plan, "PROJECT_PLAN",
                listed.path("cause").path("eventId").asText(), "ProjectApprovedEvent", projectId,
                listed.path("cause").path("sequence").asText(), "NOTICE_INVALID")));
        assertThat(csv.body()).doesNotContain(CARD_LIKE);
    }

    @Nested
    class Retries {

        @Test
        void aRetryRefusedAgainIsAnsweredWithTheRefusalsCodeAndRecordedWithoutASecondSkip() {
            Api.Response retried = api.as("approver").post("/api/audit/skipped-work/" + plan + "/retry", "{}");

            assertThat(retried.status()).as(retried.toString()).isEqualTo(409);
            assertThat(retried.code()).isEqualTo("PUBLICATION_REFUSED");
            assertThat(Ledger.codes(retried.json())).contains("NOTICE_INVALID", "PERSONAL_NUMBER_IN_NOTICE");
            assertThat(retried.body()).doesNotContain(CARD_LIKE);
            List<StoredEvents.StoredEvent> stream = skipStream(plan);
            assertThat(stream).extracting(StoredEvents.StoredEvent::payloadType).filteredOn(type ->
                    type.endsWith("NoticePublicationSkippedEvent")).hasSize(1);
            StoredEvents.StoredEvent retry = stream.get(stream.size() - 1);
            assertThat(retry.isA("NoticePublicationRetriedEvent")).isTrue();
            assertThat(retry.payload().path("published").asBoolean()).isFalse();
            assertThat(retry.payload().path("code").asText()).isEqualTo("NOTICE_INVALID");
            assertThat(retry.payload().path("actor").asText()).isEqualTo("approver");
            assertThat(retry.payload().path("role").asText()).isEqualTo("APPROVER");
            assertThat(retry.payload().path("requestId").asText()).isEqualTo(retried.header("X-Request-Id"));
            // The handler ran again for the whole approval: the lists were refused again, and not skipped twice.
            assertThat(skipStream(countyList)).hasSize(1);
            assertThat(api.as("auditor").get("/api/notices/" + plan).status()).isEqualTo(404);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode listed = item(list(""), plan);
                assertThat(listed.path("retries").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(listed.path("lastRetryBy").asText()).isNotBlank();
                assertThat(listed.path("status").asText()).isEqualTo("OPEN");
            });
            Api.Response finding = api.as("auditor").get("/api/audit/red-flags?rule=PUBLICATION_SKIPPED&subject="
                    + plan);
            assertThat(finding.json().path("findings").path(0).path("evidence").toString())
                    .contains(eventIds("SKP-" + plan).get(stream.size() - 1));
        }

        @Test
        void aRedeliveryOfTheApprovalRecordsNoSecondSkip() throws Exception {
            DomainEventMessage<?> approval = eventStore.readEvents(projectId).asStream()
                    .filter(message -> message.getPayload() instanceof ProjectApprovedEvent).findFirst().orElseThrow();
            int before = skipStream(plan).size();

            // As the processor delivers it: in a unit of work of the stored event, in a transaction.
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(approval);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.executeWithResult(() -> {
                new AnnotationEventHandlerAdapter(publisher).handle(approval);
                return null;
            });

            assertThat(skipStream(plan)).hasSize(before);
            assertThat(skipStream(countyList)).hasSize(1);
        }

        @Test
        void aRetryOfANoticeNeverSkippedIsNotFoundAndRecordsNothing() {
            Api.Response retried = api.as("auditor").post("/api/audit/skipped-work/NTC-PP-PRJ-510824-2098-NONE/retry",
                    "{}");

            assertThat(retried.status()).as(retried.toString()).isEqualTo(404);
            assertThat(retried.code()).isEqualTo("SKIPPED_WORK_NOT_FOUND");
            assertThat(skipStream("NTC-PP-PRJ-510824-2098-NONE")).isEmpty();
        }
    }

    @Nested
    class Refused {

        @Test
        void onlyOfficersReadAndRetrySkippedWork() {
            for (String user : List.of("clerk", "township", "reviewer")) {
                assertThat(api.as(user).get("/api/audit/skipped-work").status()).as(user).isEqualTo(403);
                assertThat(api.as(user).post("/api/audit/skipped-work/" + plan + "/retry", "{}").status()).as(user)
                        .isEqualTo(403);
            }
            assertThat(api.anonymous().get("/api/audit/skipped-work").status()).isEqualTo(401);
            assertThat(api.anonymous().post("/api/audit/skipped-work/" + plan + "/retry", "{}").status())
                    .isEqualTo(401);
            assertThat(skipStream(plan)).filteredOn(event -> event.isA("NoticePublicationRetriedEvent"))
                    .allSatisfy(event -> assertThat(event.payload().path("actor").asText())
                            .isIn("approver", "auditor"));
        }

        @Test
        void anUnknownStatusIsInvalid() {
            Api.Response answer = api.as("auditor").get("/api/audit/skipped-work?status=MAYBE");

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.code()).isEqualTo("INVALID_STATUS");
        }
    }

}
