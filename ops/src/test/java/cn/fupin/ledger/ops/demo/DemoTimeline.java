package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.ops.testing.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@link DemoCountyTest} checks of the demo county's history once it is loaded: over HTTP what a newcomer, an
 * auditor or a villager sees (the clock and its moves, the appropriations' dates, the notices' publication dates and
 * periods, the payments' approvals, the public pages), and in the stored events when each deadline fired.
 */
final class DemoTimeline {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2015-01-05T01:00:00Z");
    static final String LATE_DOCUMENT = "苍发改〔2015〕15号";
    static final String ROUND = "CMP-510824-DEMO-2016-01";
    static final String LATE_GRANT = "DSB-510824-DEMO-2016-GRANT-LATE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final JdbcTemplate jdbc;
    private final JsonNode notices;
    private final JsonNode moves;

    DemoTimeline(Api api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.notices = api.as("auditor").get("/api/notices").json();
        this.moves = api.as("auditor").get("/api/demo/clock/moves").json();
    }

    private static Instant instant(JsonNode value) {
        return Instant.parse(value.asText());
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(CHINA).toLocalDate();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private List<JsonNode> notices(String kind) {
        return list(notices).stream().filter(n -> n.path("content").path("kind").asText().equals(kind)).toList();
    }

    private static List<String> items(JsonNode notice) {
        return list(notice.path("content").path("rows")).stream().map(row -> row.path("item").asText()).toList();
    }

    void theClockStartedInJanuary2015AndOnlyEverMovedForwardToThePresent() {
        assertThat(moves.size()).isGreaterThan(40);
        JsonNode first = moves.get(0);
        assertThat(first.path("from").isNull()).as("the start: nothing was recorded before it").isTrue();
        assertThat(instant(first.path("to"))).isBetween(START, START.plusSeconds(1));
        assertThat(first.path("movedBy").asText()).isEqualTo("system:demo-clock");
        Instant reached = START;
        for (JsonNode move : list(moves).subList(1, moves.size())) {
            Instant from = instant(move.path("from"));
            Instant to = instant(move.path("to"));
            assertThat(to).as(move.toString()).isAfter(from);
            assertThat(from).as("%s starts where the clock was", move).isAfterOrEqualTo(reached);
            assertThat(move.path("movedBy").asText()).isEqualTo("system:demo-loader");
            reached = to;
        }
        assertThat(reached).as("the history ends at the present").isBetween(Instant.now().minus(Duration.ofMinutes(10)),
                Instant.now());
        JsonNode clock = api.as("auditor").get("/api/demo/clock").json();
        assertThat(clock.path("offsetDays").asLong()).isZero();
        assertThat(instant(clock.path("now"))).isBetween(Instant.now().minus(Duration.ofMinutes(10)),
                Instant.now().plus(Duration.ofMinutes(1)));

        // Every fact is stamped with the ledger's clock: from January 2015 on, and never back (in the order the store
        // recorded them, allowing for transactions committing side by side within a minute).
        List<Instant> stamped = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry ORDER BY global_index",
                String.class).stream().map(Instant::parse).toList();
        assertThat(stamped.get(0)).isAfterOrEqualTo(START).isBefore(START.plus(Duration.ofDays(1)));
        Instant latest = stamped.get(0);
        for (Instant at : stamped) {
            assertThat(at).isAfter(latest.minus(Duration.ofMinutes(1)));
            latest = at.isAfter(latest) ? at : latest;
        }
        assertThat(latest).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
    }

    void appropriationsAreDatedInTheSpringOfTheirFiscalYear() {
        JsonNode appropriations = api.as("auditor").get("/api/funds/appropriations").json();
        assertThat(appropriations).hasSize(16);
        for (JsonNode appropriation : appropriations) {
            LocalDate recorded = day(instant(appropriation.path("recordedAt")));
            assertThat(recorded.getYear()).as(appropriation.toString())
                    .isEqualTo(appropriation.path("fiscalYear").asInt());
            assertThat(recorded.getMonthValue()).as(appropriation.toString()).isBetween(3, 5);
        }
        // The county page shows the current year (2016) in detail; 2015's appropriations are on the page of 2015.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.anonymous().get("/disclosure/").body())
                    .contains("<td>苍财农〔2016〕31号</td><td>2016年5月17日</td>", "<a href=\"years/2015.html\">2015年度</a>")
                    .doesNotContain("<td>苍财农〔2015〕3号</td>");
            assertThat(api.anonymous().get("/disclosure/years/2015.html").body())
                    .contains("<td>苍财农〔2015〕3号</td><td>2015年3月9日</td>").doesNotContain("苍财农〔2016〕31号");
        });
    }

    void everyNoticeIsPublishedAfterItsFactAndAllocationsOnTheirDayButOne() {
        Map<String, Instant> appropriated = new HashMap<>();
        Map<String, String> documents = new HashMap<>();
        for (JsonNode appropriation : api.as("auditor").get("/api/funds/appropriations").json()) {
            appropriated.put(appropriation.path("appropriationId").asText(), instant(appropriation.path("recordedAt")));
            documents.put(appropriation.path("appropriationId").asText(), appropriation.path("documentNo").asText());
        }
        Map<String, Instant> requested = new HashMap<>();
        for (JsonNode payment : api.as("auditor").get("/api/disbursements").json()) {
            requested.put(payment.path("disbursementId").asText(), instant(payment.path("requestedAt")));
        }
        List<JsonNode> allocations = notices("FUND_ALLOCATION");
        assertThat(allocations).hasSize(16);
        for (JsonNode notice : allocations) {
            Instant published = instant(notice.path("publishedAt"));
            Instant fact = appropriated.get(items(notice).get(0));
            assertThat(published).as(notice.path("content").path("title").asText()).isAfterOrEqualTo(fact);
            if (documents.get(items(notice).get(0)).equals(LATE_DOCUMENT)) {
                assertThat(day(published)).isEqualTo(LocalDate.of(2015, 6, 30));
            } else {
                assertThat(day(published)).isEqualTo(day(fact));
            }
        }
        for (String kind : List.of("PROJECT_PLAN", "PROJECT_LIST")) {
            for (JsonNode notice : notices(kind)) {
                Instant approved = approvedAt(items(notice).get(0));
                assertThat(instant(notice.path("publishedAt"))).isAfterOrEqualTo(approved);
                assertThat(day(instant(notice.path("publishedAt")))).isEqualTo(day(approved));
            }
        }
        for (JsonNode notice : notices("GRANT_LIST")) {
            for (String item : items(notice)) {
                assertThat(instant(notice.path("publishedAt"))).isAfterOrEqualTo(requested.get(item));
                assertThat(day(instant(notice.path("publishedAt")))).isEqualTo(day(requested.get(item)));
            }
        }
        assertThat(notices("ROUND_RESULT")).singleElement().satisfies(notice ->
                assertThat(day(instant(notice.path("publishedAt")))).isEqualTo(LocalDate.of(2016, 4, 22)));
        assertThat(notices("COMPLETION")).singleElement().satisfies(notice ->
                assertThat(day(instant(notice.path("publishedAt")))).isEqualTo(LocalDate.of(2016, 12, 9)));
        for (JsonNode notice : notices) {
            boolean late = items(notice).contains(LATE_GRANT);
            assertThat(day(instant(notice.path("publishedAt"))).getYear()).as(notice.path("content").path("noticeId").asText())
                    .isIn(late ? List.of(LocalDate.now(CHINA).getYear(), LocalDate.now(CHINA).getYear() - 1)
                            : List.of(2015, 2016));
        }
    }

    private Instant approvedAt(String projectId) {
        JsonNode project = api.as("auditor").get("/api/projects/" + projectId).json();
        return list(project.path("history")).stream().filter(step -> step.path("status").asText().equals("APPROVED"))
                .map(step -> instant(step.path("at"))).findFirst().orElseThrow();
    }

    void theLateAllocationNoticeIsShownLateByTenWorkingDays() {
        List<JsonNode> late = list(notices).stream().filter(n -> n.path("lateByWorkingDays").asInt() > 0).toList();
        assertThat(late).singleElement().satisfies(notice -> {
            assertThat(notice.path("content").path("kind").asText()).isEqualTo("FUND_ALLOCATION");
            assertThat(notice.path("content").path("fields").toString()).contains(LATE_DOCUMENT);
            // Recorded Tuesday 26 May 2015, due within 15 working days (16 June), published 30 June.
            assertThat(notice.path("lateByWorkingDays").asInt()).isEqualTo(10);
        });
        // Published in 2015: on the page of 2015, among the late notices of the year.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.anonymous().get("/disclosure/years/2015.html").body())
                .contains("<td>2015年6月30日</td><td class=\"num\">10个工作日</td>"));
    }

    void everyPaymentWasApprovedAfterThePeriodOfANoticeListingIt() {
        Map<String, List<Instant>> periodsEndingFor = new HashMap<>();
        for (JsonNode notice : notices) {
            for (String item : items(notice)) {
                periodsEndingFor.computeIfAbsent(item, i -> new ArrayList<>()).add(instant(notice.path("periodEndsAt")));
            }
        }
        int paid = 0;
        for (JsonNode payment : api.as("auditor").get("/api/disbursements").json()) {
            String status = payment.path("status").asText();
            if (!status.equals("APPROVED") && !status.equals("REVERSED")) {
                continue;
            }
            Instant approved = instant(payment.path("decidedAt"));
            List<Instant> ends = new ArrayList<>(periodsEndingFor.getOrDefault(payment.path("disbursementId").asText(),
                    List.of()));
            if (payment.path("payeeKind").asText().equals("VILLAGE")) {
                ends.addAll(periodsEndingFor.getOrDefault(payment.path("projectId").asText(), List.of()));
            }
            assertThat(ends).as("%s is listed", payment.path("disbursementId").asText()).isNotEmpty();
            assertThat(ends).as("%s was public for a whole period first", payment.path("disbursementId").asText())
                    .anySatisfy(end -> assertThat(end).isBeforeOrEqualTo(approved));
            assertThat(day(approved).getYear()).isEqualTo(2016);
            paid++;
        }
        assertThat(paid).isGreaterThan(200);
    }

    void periodsAndTheRoundsDeadlineEndedWhenTheClockReachedThemNeverEarlier() {
        Map<String, Instant> periodEnds = new HashMap<>();
        Map<String, Instant> endedAt = new HashMap<>();
        jdbc.query("SELECT aggregate_identifier, payload_type, payload, time_stamp FROM domain_event_entry"
                + " WHERE payload_type LIKE '%.NoticePublishedEvent' OR payload_type LIKE '%.NoticePeriodEndedEvent'", rs -> {
                    JsonNode payload = json(rs.getBytes("payload"));
                    if (rs.getString("payload_type").endsWith(".NoticePublishedEvent")) {
                        periodEnds.put(rs.getString("aggregate_identifier"), instant(payload.path("periodEndsAt")));
                    } else {
                        endedAt.put(rs.getString("aggregate_identifier"), Instant.parse(rs.getString("time_stamp")));
                    }
                });
        Instant now = instant(api.as("auditor").get("/api/demo/clock").json().path("now"));
        int afterTheJump = 0;
        for (Map.Entry<String, Instant> notice : periodEnds.entrySet()) {
            Instant end = notice.getValue();
            if (end.isAfter(now)) {
                assertThat(endedAt).as("%s is in its period", notice.getKey()).doesNotContainKey(notice.getKey());
                continue;
            }
            Instant recorded = endedAt.get(notice.getKey());
            assertThat(recorded).as("the end of %s's period is recorded", notice.getKey()).isNotNull();
            assertThat(recorded).as("never early").isAfterOrEqualTo(end);
            Instant reaching = firstMoveReaching(end);
            assertThat(recorded).as("at the step that reached it").isBefore(reaching.plus(Duration.ofMinutes(5)));
            if (recorded.isAfter(Instant.parse("2020-01-01T00:00:00Z"))) {
                afterTheJump++;
            }
        }
        assertThat(afterTheJump).as("deadlines of 2016 fired once the clock jumped to the present").isPositive();
        assertThat(periodEnds.keySet()).contains("NTC-GL-" + LATE_GRANT);

        List<Map<String, Object>> closed = jdbc.queryForList("SELECT payload_type, time_stamp, meta_data"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", ROUND);
        Map<String, Instant> roundFacts = new HashMap<>();
        for (Map<String, Object> fact : closed) {
            String type = (String) fact.get("payload_type");
            roundFacts.put(type.substring(type.lastIndexOf('.') + 1), Instant.parse((String) fact.get("time_stamp")));
        }
        Instant deadline = Instant.parse("2016-04-15T09:00:00Z");
        assertThat(roundFacts.get("SubmissionsClosedEvent")).isAfterOrEqualTo(deadline)
                .isBefore(roundFacts.get("CompetitionClosedEvent"));
        assertThat(roundFacts.get("ProposalSubmittedEvent")).isBefore(deadline);
    }

    /** Where the first move of the clock that reached {@code instant} took it. */
    private Instant firstMoveReaching(Instant instant) {
        for (JsonNode move : moves) {
            Instant to = instant(move.path("to"));
            if (!to.isBefore(instant)) {
                return to;
            }
        }
        throw new AssertionError("no move of the clock reached " + instant);
    }

    void aVillagerReadsItemNumbersOnAGrantList() {
        JsonNode list = notices("GRANT_LIST").stream().filter(n -> items(n).size() > 2).findFirst().orElseThrow();
        String id = list.path("content").path("noticeId").asText();
        String page = api.anonymous().get("/disclosure/notices/" + id + ".html").body();
        String text = page.replaceAll("<[^>]*>", " ");
        assertThat(page).contains("<th scope=\"col\" class=\"num\">序号</th>", "<tr><td class=\"num\">1</td>",
                "<tr><td class=\"num\">3</td>");
        for (String item : items(list)) {
            assertThat(text).doesNotContain(item);
        }
        assertThat(api.anonymous().get("/disclosure/notices/" + id + ".json").body()).contains(items(list).get(0));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
