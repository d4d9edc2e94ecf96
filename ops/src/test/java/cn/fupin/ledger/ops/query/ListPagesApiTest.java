package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.NextLinks;
import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import cn.fupin.ledger.shared.disclosure.NoticePublishedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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
 * Keyset paging of the lists that grow with history, besides payments and projects (docs/api.md, "Lists"): notices,
 * appropriations and an account's postings, each followed page by page through {@code Link: rel="next"}. The class
 * appends its own facts straight to the store, dated so that some share an instant and the id decides their order
 * (across page ends too): appropriations of 2021 and 2022 to funds no other test uses (whose postings are the
 * accounts' lists), and notices of 大阳村 (510824110213), which no other test names. Other test classes share the
 * database, so a list without a filter of ours is only checked for holding ours once each, in order.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagesApiTest extends LedgerApiTest {

    static final String VILLAGE = "510824110213";
    static final String CENTRAL_2021 = "FUND-510824-2021-CENTRAL";
    static final String COUNTY_2022 = "FUND-510824-2022-COUNTY";
    static final Instant MARCH_2021 = Instant.parse("2021-03-01T08:00:00Z");
    static final Instant FEBRUARY_2022 = Instant.parse("2022-02-01T08:00:00Z");
    static final Instant NOTICES_2021 = Instant.parse("2021-06-01T02:00:00Z");

    /** The appropriations of 2021 in the list's order: recording time, then id (C was recorded before B, at once). */
    static final List<String> APPROPRIATIONS_2021 = List.of("APPR-PGL-D", "APPR-PGL-B", "APPR-PGL-C", "APPR-PGL-A");
    static final List<String> APPROPRIATIONS_2022 = List.of("APPR-PGL-E", "APPR-PGL-F", "APPR-PGL-G");
    /** The notices of 大阳村 newest first, then by id: 2 the newest, 1 and 3 published at one instant, 4 the oldest. */
    static final List<String> NOTICES = List.of("NTC-PGL-2", "NTC-PGL-1", "NTC-PGL-3", "NTC-PGL-4");

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    void recordAppropriationsAndNotices() {
        EventAppender appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
        appropriate(appender, MARCH_2021, CENTRAL_2021, "APPR-PGL-C", 2021, 300_000L);
        appropriate(appender, MARCH_2021, CENTRAL_2021, "APPR-PGL-B", 2021, 200_000L);
        appropriate(appender, MARCH_2021.plus(Duration.ofDays(1)), CENTRAL_2021, "APPR-PGL-A", 2021, 100_000L);
        appropriate(appender, MARCH_2021.minus(Duration.ofDays(1)), CENTRAL_2021, "APPR-PGL-D", 2021, 400_000L);
        appropriate(appender, FEBRUARY_2022, COUNTY_2022, "APPR-PGL-F", 2022, 600_000L);
        appropriate(appender, FEBRUARY_2022, COUNTY_2022, "APPR-PGL-E", 2022, 500_000L);
        appropriate(appender, FEBRUARY_2022.plus(Duration.ofMinutes(1)), COUNTY_2022, "APPR-PGL-G", 2022, 700_000L);

        publish(appender, "NTC-PGL-3", NOTICES_2021);
        publish(appender, "NTC-PGL-1", NOTICES_2021);
        publish(appender, "NTC-PGL-4", NOTICES_2021.minus(Duration.ofDays(3)));
        publish(appender, "NTC-PGL-2", NOTICES_2021.plus(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(whole("/api/notices?placeCode=" + VILLAGE), NOTICE_ID)).hasSize(4);
            assertThat(ids(whole("/api/funds/appropriations?fiscalYear=2022"), APPROPRIATION_ID)).hasSize(3);
            assertThat(whole("/api/audit/accounts/FUND:" + COUNTY_2022 + "/postings?asOf=2022-12-31T00:00:00Z"))
                    .hasSize(3);
            assertThat(whole("/api/audit/accounts/FUND:" + CENTRAL_2021 + "/postings?asOf=2021-12-31T00:00:00Z"))
                    .hasSize(4);
        });
    }

    private static void appropriate(EventAppender appender, Instant at, String fundId, String appropriationId, int year,
                                    long amountFen) {
        FundSource source = FundSource.valueOf(fundId.substring(fundId.lastIndexOf('-') + 1));
        appender.appendAt(at, "Fund", fundId, new FundsAppropriatedEvent(fundId, appropriationId, year, source,
                amountFen, "苍财农〔" + year + "〕" + appropriationId.substring("APPR-PGL-".length()) + "号", null));
    }

    private static void publish(EventAppender appender, String noticeId, Instant at) {
        NoticeContent content = new NoticeContent(noticeId, NoticeKind.COMPLETION, NoticeLevel.VILLAGE, VILLAGE,
                "大阳村村民委员会", "大阳村项目竣工验收公告（" + noticeId + "）", "验收合格。", List.of(), List.of(), List.of(),
                LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 10), null, null, "0839-5222000",
                NoticeContent.HOTLINE);
        appender.appendAt(at, "Notice", noticeId,
                NoticePublishedEvent.of(content, List.of(), at, Instant.parse("2021-06-10T16:00:00Z"), "clerk"));
    }

    static final Function<JsonNode, String> NOTICE_ID = row -> row.path("content").path("noticeId").asText();
    static final Function<JsonNode, String> APPROPRIATION_ID = row -> row.path("appropriationId").asText();
    /** A posting of an appropriation names it first in its reference ("APPR-PGL-A 苍财农〔2021〕A号"). */
    static final Function<JsonNode, String> POSTING_OF = row -> row.path("reference").asText().split(" ")[0];

    private JsonNode whole(String path) {
        Api.Response answer = new Api(port).as("auditor").get(path);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode rows, Function<JsonNode, String> id) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(id.apply(row)));
        return ids;
    }

    private List<List<String>> pagesOf(String path, Function<JsonNode, String> id) {
        return NextLinks.follow(new Api(port).as("auditor"), path, id);
    }

    /** The rows of every page, in order; asserts no row came twice and every page but the last was full. */
    private List<String> walk(String path, int size, Function<JsonNode, String> id) {
        List<List<String>> pages = pagesOf(path + (path.contains("?") ? "&" : "?") + "size=" + size, id);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (i < pages.size() - 1) {
                assertThat(pages.get(i)).as("page %d of %s", i, path).hasSize(size);
            }
            rows.addAll(pages.get(i));
        }
        Set<String> once = new HashSet<>();
        assertThat(rows).as("rows of %s", path).allMatch(once::add);
        return rows;
    }

    private static String cursorOf(Api.Response page) {
        String link = page.header("Link");
        assertThat(link).as("%s", page).isNotNull();
        return link.substring(link.indexOf("after=") + 6).replaceAll("[&>].*", "");
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Api.Response answer, String code, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).as("%s", answer).isEqualTo(code);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(answer.body()).doesNotContain("Exception", "at cn.", "java.");
    }

    @Nested
    class Notices {

        static final String OURS = "/api/notices?level=VILLAGE&placeCode=" + VILLAGE;

        @Test
        void pagesHoldTheNoticesNewestFirstWithTiesBrokenByIdAcrossPageEnds() {
            assertThat(pagesOf(OURS + "&size=1", NOTICE_ID)).containsExactly(List.of("NTC-PGL-2"),
                    List.of("NTC-PGL-1"), List.of("NTC-PGL-3"), List.of("NTC-PGL-4"));
            assertThat(pagesOf(OURS + "&size=2", NOTICE_ID)).containsExactly(List.of("NTC-PGL-2", "NTC-PGL-1"),
                    List.of("NTC-PGL-3", "NTC-PGL-4"));
            assertThat(pagesOf("/api/notices?placeCode=" + VILLAGE + "&size=3", NOTICE_ID)).containsExactly(
                    List.of("NTC-PGL-2", "NTC-PGL-1", "NTC-PGL-3"), List.of("NTC-PGL-4"));
        }

        @Test
        void aPageAsLargeAsTheRestHasNoNextLinkAndTheListStaysAnArray() {
            assertThat(pagesOf(OURS + "&size=4", NOTICE_ID)).containsExactly(NOTICES);
            assertThat(pagesOf(OURS, NOTICE_ID)).containsExactly(NOTICES);
            assertThat(pagesOf("/api/notices?placeCode=510824110214", NOTICE_ID)).containsExactly(List.of());
        }

        @Test
        void aListOfEveryPlacesNoticesHoldsOursOnceEachInOrder() {
            List<String> rows = walk("/api/notices?level=VILLAGE", 7, NOTICE_ID);
            assertThat(rows.stream().filter(NOTICES::contains).toList()).isEqualTo(NOTICES);
            List<String> all = walk("/api/notices", 50, NOTICE_ID);
            assertThat(all.stream().filter(NOTICES::contains).toList()).isEqualTo(NOTICES);
        }

        @Test
        void theNextLinkKeepsTheFilters() {
            String link = new Api(port).as("clerk").get(OURS + "&size=1").header("Link");
            assertThat(link).contains("level=VILLAGE", "placeCode=" + VILLAGE, "size=1", "after=");
        }

        @Test
        void aBadSizeOrACursorNotOfThisListIsRefused() {
            Api clerk = new Api(port).as("clerk");
            for (String size : List.of("0", "1001", "-1")) {
                assertRefused(clerk.get("/api/notices?size=" + size), "INVALID_PAGE_SIZE", "size");
            }
            String appropriations = cursorOf(clerk.get("/api/funds/appropriations?fiscalYear=2021&size=1"));
            for (String after : List.of("nonsense", appropriations, cursor("notices|2021-06-01|NTC-PGL-1"),
                    cursor("notices||NTC-PGL-1"), cursor("notices|2021-06-01T02:00:00Z|"))) {
                assertRefused(clerk.get(OURS + "&after=" + after), "INVALID_CURSOR", "after");
            }
        }
    }

    @Nested
    class Appropriations {

        @Test
        void pagesHoldAYearsAppropriationsOldestFirstWithTiesBrokenById() {
            assertThat(pagesOf("/api/funds/appropriations?fiscalYear=2021&size=1", APPROPRIATION_ID))
                    .containsExactly(List.of("APPR-PGL-D"), List.of("APPR-PGL-B"), List.of("APPR-PGL-C"),
                            List.of("APPR-PGL-A"));
            assertThat(pagesOf("/api/funds/appropriations?fiscalYear=2021&size=3", APPROPRIATION_ID))
                    .containsExactly(List.of("APPR-PGL-D", "APPR-PGL-B", "APPR-PGL-C"), List.of("APPR-PGL-A"));
            assertThat(pagesOf("/api/funds/appropriations?fiscalYear=2022&size=2", APPROPRIATION_ID))
                    .containsExactly(List.of("APPR-PGL-E", "APPR-PGL-F"), List.of("APPR-PGL-G"));
        }

        @Test
        void aPageAsLargeAsTheRestHasNoNextLink() {
            assertThat(pagesOf("/api/funds/appropriations?fiscalYear=2022&size=3", APPROPRIATION_ID))
                    .containsExactly(APPROPRIATIONS_2022);
            assertThat(pagesOf("/api/funds/appropriations?fiscalYear=2021", APPROPRIATION_ID))
                    .containsExactly(APPROPRIATIONS_2021);
        }

        @Test
        void theListOfEveryYearHoldsOursOnceEachInOrder() {
            List<String> ours = new ArrayList<>(APPROPRIATIONS_2021);
            ours.addAll(APPROPRIATIONS_2022);
            List<String> rows = walk("/api/funds/appropriations", 3, APPROPRIATION_ID);
            assertThat(rows.stream().filter(ours::contains).toList()).isEqualTo(ours);
        }

        @Test
        void theNextLinkKeepsTheYear() {
            String link = new Api(port).as("clerk").get("/api/funds/appropriations?fiscalYear=2021&size=2")
                    .header("Link");
            assertThat(link).contains("fiscalYear=2021", "size=2", "after=");
        }

        @Test
        void aBadSizeOrACursorNotOfThisListIsRefused() {
            Api clerk = new Api(port).as("clerk");
            for (String size : List.of("0", "1001")) {
                assertRefused(clerk.get("/api/funds/appropriations?fiscalYear=2021&size=" + size),
                        "INVALID_PAGE_SIZE", "size");
            }
            String notices = cursorOf(clerk.get("/api/notices?placeCode=" + VILLAGE + "&size=1"));
            String disbursements = cursor("disbursements|2021-03-01T08:00:00Z|DSB-1");
            for (String after : List.of("!!!", notices, disbursements, cursor("appropriations||APPR-PGL-B"))) {
                assertRefused(clerk.get("/api/funds/appropriations?after=" + after), "INVALID_CURSOR", "after");
            }
        }
    }

    @Nested
    class Postings {

        static final String CENTRAL = "/api/audit/accounts/FUND:" + CENTRAL_2021 + "/postings?asOf=2021-12-31T00:00:00Z";

        @Test
        void pagesHoldAnAccountsPostingsInTheOrderRecorded() {
            // C and B were recorded at one instant, C first: the journal's order, not the ids', decides.
            List<String> recorded = List.of("APPR-PGL-D", "APPR-PGL-C", "APPR-PGL-B", "APPR-PGL-A");
            assertThat(ids(whole(CENTRAL), POSTING_OF)).isEqualTo(recorded);
            assertThat(pagesOf(CENTRAL + "&size=1", POSTING_OF)).containsExactly(List.of("APPR-PGL-D"),
                    List.of("APPR-PGL-C"), List.of("APPR-PGL-B"), List.of("APPR-PGL-A"));
            assertThat(pagesOf(CENTRAL + "&size=3", POSTING_OF)).containsExactly(
                    List.of("APPR-PGL-D", "APPR-PGL-C", "APPR-PGL-B"), List.of("APPR-PGL-A"));
            assertThat(pagesOf(CENTRAL + "&size=4", POSTING_OF)).containsExactly(recorded);
        }

        @Test
        void theRowsStayPostingsAndTheNextLinkKeepsTheInstant() {
            Api.Response first = new Api(port).as("auditor").get(CENTRAL + "&size=2");
            JsonNode row = first.json().get(0);
            assertThat(row.path("account").asText()).isEqualTo("FUND:" + CENTRAL_2021);
            assertThat(row.path("amountFen").asLong()).isEqualTo(400_000L);
            assertThat(row.path("eventType").asText()).isEqualTo("FundsAppropriatedEvent");
            assertThat(row.has("postingNo")).isFalse();
            assertThat(first.header("Link")).contains("asOf=2021-12-31T00:00:00Z", "size=2", "after=");
        }

        @Test
        void anEarlierInstantStillEndsTheList() {
            // A was recorded on 2 March: as of 1 March's end, three postings, and the last page says so.
            assertThat(pagesOf("/api/audit/accounts/FUND:" + CENTRAL_2021 + "/postings?asOf=2021-03-01T23:59:59Z&size=2",
                    POSTING_OF)).containsExactly(List.of("APPR-PGL-D", "APPR-PGL-C"), List.of("APPR-PGL-B"));
        }

        @Test
        void aBadSizeOrACursorNotOfThisListIsRefused() {
            Api auditor = new Api(port).as("auditor");
            for (String size : List.of("0", "1001")) {
                assertRefused(auditor.get(CENTRAL + "&size=" + size), "INVALID_PAGE_SIZE", "size");
            }
            String appropriations = cursorOf(auditor.get("/api/funds/appropriations?fiscalYear=2021&size=1"));
            for (String after : List.of("nonsense", appropriations, cursor("postings|2021-03-01T08:00:00Z|APPR-PGL-C"),
                    cursor("postings||12"))) {
                assertRefused(auditor.get(CENTRAL + "&after=" + after), "INVALID_CURSOR", "after");
            }
        }
    }
}
