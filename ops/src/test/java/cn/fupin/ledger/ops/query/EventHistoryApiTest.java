package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.audit.FourEyesRefusalRecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auditors' event history over HTTP ({@code GET /api/audit/events}). The facts come through the API as the demo
 * users record them: an appropriation of fiscal year 2055, households T-7600…T-7603 of 平兰村 (510824108211, a village
 * no other test uses), a project there and a start-up grant to T-7600, approved under a known request id. Other
 * classes' events are in the same store, so every assertion names this class's subjects.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventHistoryApiTest extends LedgerApiTest {

    static final int YEAR = 2055;
    static final String VILLAGE = "510824108211";
    static final String TOWNSHIP = "510824108";
    static final String HOUSEHOLD = Households.cardNo(7600);
    static final String APPROVAL_REQUEST = "history-7600-approval";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    String fund;
    String projectId;
    String grant;
    JsonNode approval;

    @BeforeAll
    void recordTheFacts() {
        api = new Api(port);
        Ledger ledger = new Ledger(api);
        fund = ledger.appropriate(YEAR, "INTEGRATED_AGRICULTURE", 100_000, "苍财农〔2055〕1号");
        ledger.importHouseholds(IntStream.rangeClosed(7600, 7603)
                .mapToObj(n -> Households.household(n).withVillageCode(VILLAGE)).toArray(Households.Row[]::new));
        projectId = ledger.propose("clerk", project("平兰村到户产业", "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 50_000) + "]"));
        ledger.approve("approver", projectId);
        grant = ledger.requestDisbursement("clerk", projectId, "cardNo", HOUSEHOLD, 3_000_00L, "苍扶付〔2055〕1号");
        ledger.afterPublicity(Ledger.grantListNotice(grant));
        Api.Response approved = api.as("approver").header("X-Request-Id", APPROVAL_REQUEST)
                .post("/api/disbursements/" + grant + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        approval = awaitEvents("?subject=" + grant + "&type=DisbursementApprovedEvent", found -> found.size() == 1)
                .get(0);
    }

    private JsonNode events(String query) {
        Api.Response answer = api.as("auditor").get("/api/audit/events" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    /** The events of the first page once the index shows what {@code until} waits for (it follows the store). */
    private JsonNode awaitEvents(String query, Predicate<JsonNode> until) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            found.add(events(query).path("events"));
            return until.test(found.get(0));
        });
        return found.get(0);
    }

    private static List<Long> indexes(JsonNode events) {
        List<Long> indexes = new ArrayList<>();
        events.forEach(event -> indexes.add(event.path("globalIndex").asLong()));
        return indexes;
    }

    private static List<String> ids(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(event -> ids.add(event.path("eventId").asText()));
        return ids;
    }

    @Test
    void aGrantApprovalIsFoundUnderItsHouseholdItsVillageItsProjectAndItsFundNotOnlyItsOwnStream() {
        String approvalId = approval.path("eventId").asText();
        assertThat(approval.path("aggregateType").asText()).isEqualTo("Disbursement");
        assertThat(approval.path("aggregateId").asText()).isNotEqualTo(HOUSEHOLD).isNotEqualTo(VILLAGE);
        for (String subject : List.of(HOUSEHOLD, VILLAGE, projectId, fund, grant)) {
            assertThat(ids(events("?subject=" + subject + "&type=DisbursementApprovedEvent&size=1000")
                    .path("events"))).as(subject).contains(approvalId);
        }
        assertThat(ids(events("?subject=" + Households.cardNo(7601) + "&size=1000").path("events")))
                .doesNotContain(approvalId);
    }

    @Test
    void eachEventCarriesItsPlaceTypeTimePayloadAndWhoDidItWhyAndFromWhere() {
        assertThat(approval.path("globalIndex").asLong()).isPositive();
        assertThat(approval.path("type").asText()).isEqualTo("DisbursementApprovedEvent");
        assertThat(approval.path("revision").asText()).isNotBlank();
        assertThat(approval.path("sequence").asLong()).isPositive();
        assertThat(Instant.parse(approval.path("timestamp").asText())).isNotNull();
        assertThat(approval.path("payload").path("disbursementId").asText()).isEqualTo(grant);
        assertThat(approval.path("payload").path("cardNo").asText()).isEqualTo(HOUSEHOLD);
        JsonNode metadata = approval.path("metadata");
        assertThat(metadata.path("actor").asText()).isEqualTo("approver");
        assertThat(metadata.path("role").asText()).isEqualTo("APPROVER");
        assertThat(metadata.path("requestId").asText()).isEqualTo(APPROVAL_REQUEST);
        assertThat(metadata.path("remoteAddress").asText()).isNotBlank();
    }

    @Test
    void actorRoleTypeAndRequestIdFilterTheEvents() {
        JsonNode byRequest = events("?requestId=" + APPROVAL_REQUEST + "&size=1000").path("events");
        assertThat(ids(byRequest)).contains(approval.path("eventId").asText());
        byRequest.forEach(event -> assertThat(event.path("metadata").path("requestId").asText())
                .isEqualTo(APPROVAL_REQUEST));

        JsonNode byClerk = events("?subject=" + VILLAGE + "&actor=clerk&size=1000").path("events");
        assertThat(byClerk).isNotEmpty();
        byClerk.forEach(event -> assertThat(event.path("metadata").path("actor").asText()).isEqualTo("clerk"));
        assertThat(ids(byClerk)).doesNotContain(approval.path("eventId").asText());

        JsonNode byRole = events("?subject=" + VILLAGE + "&role=APPROVER&size=1000").path("events");
        assertThat(ids(byRole)).contains(approval.path("eventId").asText());
        byRole.forEach(event -> assertThat(event.path("metadata").path("role").asText()).isEqualTo("APPROVER"));

        JsonNode registered = events("?subject=" + VILLAGE + "&type=HouseholdRegisteredEvent").path("events");
        assertThat(registered).hasSize(4);
        assertThat(registered.findValuesAsText("cardNo")).containsExactlyInAnyOrder(Households.cardNo(7600),
                Households.cardNo(7601), Households.cardNo(7602), Households.cardNo(7603));
        JsonNode underTownship = events("?subject=" + TOWNSHIP + "&type=HouseholdRegisteredEvent&size=1000")
                .path("events");
        assertThat(ids(underTownship)).containsAll(ids(registered));
    }

    @Test
    void theTimeRangeIsLedgerTimeFromInclusiveToExclusive() {
        Instant at = Instant.parse(approval.path("timestamp").asText());
        String approvals = "?subject=" + grant + "&type=DisbursementApprovedEvent";
        assertThat(events(approvals + "&from=" + at + "&to=" + at.plus(1, ChronoUnit.MILLIS)).path("events"))
                .hasSize(1);
        assertThat(events(approvals + "&to=" + at).path("events")).isEmpty();
        assertThat(events(approvals + "&from=" + at.plus(1, ChronoUnit.MILLIS)).path("events")).isEmpty();
        assertThat(events(approvals + "&from=" + at.minus(1, ChronoUnit.DAYS)).path("events")).hasSize(1);
    }

    @Test
    void newestComesFirstByDefaultAndOldestReversesIt() {
        JsonNode newest = events("?subject=" + HOUSEHOLD + "&to=" + approval.path("timestamp").asText()).path("events");
        JsonNode oldest = events("?subject=" + HOUSEHOLD + "&order=oldest&to=" + approval.path("timestamp").asText())
                .path("events");
        List<Long> descending = indexes(newest);
        assertThat(descending).hasSizeGreaterThan(2).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<Long> ascending = new ArrayList<>(descending);
        java.util.Collections.reverse(ascending);
        assertThat(indexes(oldest)).isEqualTo(ascending);
        assertThat(oldest.path(0).path("type").asText()).isEqualTo("HouseholdRegisteredEvent");
    }

    @Test
    void anAuditorSeesPersonalDataInPlainTextAndTheViewIsRecorded() {
        String query = "?subject=" + HOUSEHOLD + "&type=HouseholdRegisteredEvent";
        Api.Response answer = api.as("auditor").header("X-Request-Id", "history-7600-personal").get(
                "/api/audit/events" + query);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode payload = answer.json().path("events").path(0).path("payload");
        assertThat(payload.path("idNumber").asText()).isEqualTo(Households.idNumber(7600));
        assertThat(payload.path("bankCard").asText()).isEqualTo(Households.bankCard(7600));
        assertThat(payload.has("idNumberCiphertext")).isFalse();
        assertThat(payload.has("bankCardCiphertext")).isFalse();
        assertThat(payload.path("idNumberMasked").asText()).startsWith("*");

        assertThat(events.ofType("AuditEventsViewedEvent")).filteredOn(view -> "history-7600-personal".equals(
                view.meta("requestId"))).singleElement().satisfies(view -> {
                    assertThat(view.payload().path("viewedBy").asText()).isEqualTo("auditor");
                    assertThat(view.payload().path("subject").asText()).isEqualTo(HOUSEHOLD);
                    assertThat(view.payload().path("type").asText()).isEqualTo("HouseholdRegisteredEvent");
                    assertThat(view.payload().path("events").asLong()).isEqualTo(1);
                    assertThat(view.payload().path("personalDataRevealed").asBoolean()).isTrue();
                    assertThat(view.payload().path("format").asText()).isEqualTo("JSON");
                    assertThat(view.meta("actor")).isEqualTo("auditor");
                    assertThat(view.meta("role")).isEqualTo("AUDITOR");
                });
        // The view is itself in the history (under its own id, not under the household it looked at).
        JsonNode view = awaitEvents("?type=AuditEventsViewedEvent&requestId=history-7600-personal",
                found -> found.size() == 1).get(0);
        assertThat(view.path("payload").path("subject").asText()).isEqualTo(HOUSEHOLD);
        assertThat(ids(events("?subject=" + HOUSEHOLD + "&type=AuditEventsViewedEvent").path("events"))).isEmpty();
    }

    @Test
    void theCsvStreamsTheRowsOfTheJson() throws Exception {
        Api.Response csv = api.as("auditor").header("Accept", "text/csv")
                .get("/api/audit/events?order=oldest&subject=" + VILLAGE);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("\r\n");
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(String.join(",", rows.get(0))).isEqualTo("globalIndex,eventId,type,revision,aggregateType,"
                + "aggregateId,sequence,timestamp,actor,role,requestId,remoteAddress,reason,payload");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).hasSizeGreaterThan(4);
        long last = Long.parseLong(data.get(data.size() - 1).get(0));

        // The same rows as JSON: every event up to the CSV's last (a view recorded since may follow it).
        JsonNode json = events("?order=oldest&size=1000&subject=" + VILLAGE).path("events");
        List<JsonNode> upToLast = new ArrayList<>();
        json.forEach(event -> {
            if (event.path("globalIndex").asLong() <= last) {
                upToLast.add(event);
            }
        });
        assertThat(upToLast).hasSameSizeAs(data);
        for (int i = 0; i < data.size(); i++) {
            JsonNode event = upToLast.get(i);
            JsonNode metadata = event.path("metadata");
            assertThat(data.get(i)).containsExactly(event.path("globalIndex").asText(), event.path("eventId").asText(),
                    event.path("type").asText(), event.path("revision").asText(""),
                    event.path("aggregateType").asText(""), event.path("aggregateId").asText(),
                    event.path("sequence").asText(), event.path("timestamp").asText(),
                    metadata.path("actor").asText(""), metadata.path("role").asText(""),
                    metadata.path("requestId").asText(""), metadata.path("remoteAddress").asText(""),
                    metadata.path("reason").asText(""), data.get(i).get(13));
            assertThat(JSON.readTree(data.get(i).get(13))).isEqualTo(event.path("payload"));
        }
    }

    @Test
    void pagesFollowTheGlobalIndexWithoutRepeatsOrGapsWhileEventsAreAppended() {
        String subject = "DSB-HISTORY-8150";
        appendAttempts(subject, 0, 120);
        awaitEvents("?subject=" + subject + "&size=1000", found -> found.size() == 120);

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> appendAttempts(subject, 120, 80));
        List<Long> oldest = pageThrough("?order=oldest&size=17&subject=" + subject);
        List<Long> newest = pageThrough("?size=13&subject=" + subject);
        writer.join();

        assertThat(oldest).doesNotHaveDuplicates().isSorted();
        assertThat(newest).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<Long> all = awaitAttempts(subject, 200);
        // oldest first reads every event up to where it caught up with the writer; newest first every event up to
        // where it started: each a gapless run of the store's events of the subject.
        assertThat(oldest).hasSizeGreaterThanOrEqualTo(120).isEqualTo(all.subList(0, oldest.size()));
        assertThat(newest).hasSizeGreaterThanOrEqualTo(120);
        List<Long> newestAscending = new ArrayList<>(newest);
        java.util.Collections.reverse(newestAscending);
        assertThat(newestAscending).isEqualTo(all.subList(0, newest.size()));
        // and the rest, from oldest's cursor on, once the writer is done
        List<Long> rest = pageThrough("?order=oldest&size=17&subject=" + subject + "&after="
                + oldest.get(oldest.size() - 1));
        List<Long> whole = new ArrayList<>(oldest);
        whole.addAll(rest);
        assertThat(whole).isEqualTo(all);
    }

    /** Every global index of the pages from {@code query} on, following {@code next} to the end. */
    private List<Long> pageThrough(String query) {
        List<Long> indexes = new ArrayList<>();
        // the next page's cursor takes the place of an after= the query began with (two would be refused)
        Matcher given = Pattern.compile("&after=[^&]*").matcher(query);
        String cursor = given.find() ? given.group() : "";
        String base = query.replace(cursor, "");
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = events(base + cursor);
            indexes.addAll(indexes(page.path("events")));
            if (page.path("next").isNull() || page.path("next").isMissingNode()) {
                return indexes;
            }
            assertThat(page.path("events")).isNotEmpty();
            assertThat(page.path("next").asLong()).isEqualTo(indexes.get(indexes.size() - 1));
            cursor = "&after=" + page.path("next").asLong();
        }
        throw new AssertionError("more than 100 pages");
    }

    /** Records {@code count} refused four-eyes attempts about {@code subject}, one transaction each. */
    private void appendAttempts(String subject, int from, int count) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (int n = from; n < from + count; n++) {
            FourEyesRefusalRecordedEvent attempt = new FourEyesRefusalRecordedEvent("SAME_REQUESTER_AND_APPROVER",
                    "ApproveDisbursementCommand", subject, "history-writer", "APPROVER", "history-req-" + n);
            transaction.executeWithoutResult(status -> eventStore.publish(new GenericEventMessage<>(attempt,
                    Map.of("actor", "history-writer", "role", "APPROVER"))));
        }
    }

    /** The global indexes of the store's events about {@code subject} once the history shows all {@code count}. */
    private List<Long> awaitAttempts(String subject, int count) {
        List<Long> stored = new ArrayList<>();
        jdbc.query("SELECT global_index, payload FROM domain_event_entry WHERE payload_type LIKE"
                + " '%.FourEyesRefusalRecordedEvent' ORDER BY global_index", rs -> {
                    try {
                        if (subject.equals(JSON.readTree(rs.getBytes(2)).path("subjectId").asText())) {
                            stored.add(rs.getLong(1));
                        }
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(stored).hasSize(count);
        awaitEvents("?subject=" + subject + "&size=1000", found -> found.size() == count);
        return stored;
    }

    @Nested
    class Refused {

        @Test
        void badParametersAreRefusedWithStableCodesAndNothingIsRecorded() {
            long views = events.ofType("AuditEventsViewedEvent").size();
            Map<String, String> refusals = Map.ofEntries(
                    Map.entry("?from=yesterday", "INVALID_FROM"),
                    Map.entry("?to=2055-13-01T00:00:00Z", "INVALID_TO"),
                    Map.entry("?from=2055-05-01T00:00:00Z&to=2055-05-01T00:00:00Z", "INVALID_TIME_RANGE"),
                    Map.entry("?size=0", "INVALID_SIZE"),
                    Map.entry("?size=1001", "INVALID_SIZE"),
                    Map.entry("?size=many", "INVALID_SIZE"),
                    Map.entry("?after=-1", "INVALID_AFTER"),
                    Map.entry("?after=last", "INVALID_AFTER"),
                    Map.entry("?order=sideways", "INVALID_ORDER"),
                    Map.entry("?subject=" + "X".repeat(256), "INVALID_SUBJECT"));
            refusals.forEach((query, code) -> {
                Api.Response refused = api.as("auditor").get("/api/audit/events" + query);
                assertThat(refused.status()).as(query).isEqualTo(422);
                assertThat(refused.code()).as(query).isEqualTo(code);
                assertThat(refused.contentType()).as(query).startsWith("application/problem+json");
                Api.Response refusedCsv = api.as("auditor").header("Accept", "text/csv").get("/api/audit/events" + query);
                assertThat(refusedCsv.status()).as(query).isEqualTo(422);
            });
            assertThat(events.ofType("AuditEventsViewedEvent")).hasSize((int) views);
        }

        @Test
        void onlyAnAuditorReadsTheHistory() {
            long views = events.ofType("AuditEventsViewedEvent").size();
            for (String user : List.of("clerk", "approver", "township", "reviewer")) {
                assertThat(api.as(user).get("/api/audit/events").status()).as(user).isEqualTo(403);
                assertThat(api.as(user).header("Accept", "text/csv").get("/api/audit/events").status()).as(user)
                        .isEqualTo(403);
            }
            assertThat(api.anonymous().get("/api/audit/events").status()).isEqualTo(401);
            assertThat(events.ofType("AuditEventsViewedEvent")).hasSize((int) views);
        }
    }

    /** RFC 4180 as the history writes it: quoted cells may hold commas, quotes (doubled) and line breaks. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            assertThat(cell).as("the last row ends with CRLF").isEmpty();
            assertThat(row).isEmpty();
            return rows;
        }
    }
}
