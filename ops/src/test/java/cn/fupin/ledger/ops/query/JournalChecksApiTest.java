package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journal's self-check over HTTP, each check made to fail by a row the test inserts, deletes or changes with SQL
 * (and puts back before it ends) in the postings of a donation fund of 2077 that nothing reserves from. Other classes'
 * events are in the same store, so failures are looked for by this class's fund and events.
 */
@LedgerTest
class JournalChecksApiTest extends LedgerApiTest {

    static final long AMOUNT_FEN = 8_300_00L;
    static final String NOT_STORED = "EVT-NOT-STORED-8300";

    static String fund;
    static String eventId;

    @BeforeEach
    void appropriation() {
        if (fund == null) {
            fund = new Ledger(api).appropriate(2077, "DONATION", AMOUNT_FEN / 100, "苍财农〔2077〕83号");
            await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.queryForList(
                    "SELECT event_id FROM journal_posting WHERE account = ?", String.class, "FUND:" + fund).isEmpty());
            eventId = jdbc.queryForObject("SELECT event_id FROM journal_posting WHERE account = ?", String.class,
                    "FUND:" + fund);
        }
    }

    private JsonNode check() {
        Api.Response answer = api.as("auditor").get("/api/audit/journal-check");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> failures(JsonNode answer, String check) {
        List<String> failures = new ArrayList<>();
        answer.path("checks").forEach(c -> {
            if (c.path("check").asText().equals(check)) {
                assertThat(c.path("ok").asBoolean()).isEqualTo(c.path("failures").isEmpty());
                c.path("failures").forEach(f -> failures.add(f.asText()));
            }
        });
        return failures;
    }

    @Test
    void anHonestJournalPassesEveryCheck() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode answer = check();
            assertThat(answer.path("checks").findValuesAsText("check")).containsExactly("EVENT_POSTINGS_BALANCE",
                    "POSTINGS_HAVE_EVENTS", "EVENTS_POSTED", "ACCOUNT_SIGNS", "APPROPRIATIONS_MATCH");
            assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
            assertThat(answer.path("checks").findValuesAsText("ok")).containsOnly("true");
        });
    }

    @Test
    void aPostingOfNoStoredEventIsFound() {
        jdbc.update("INSERT INTO journal_posting (event_id, line_no, account, amount_fen, posted_at, event_type,"
                + " reference, global_index) SELECT ?, 0, account, 500, posted_at, event_type, reference, NULL"
                + " FROM journal_posting WHERE event_id = ? AND account = ?", NOT_STORED, eventId, "FUND:" + fund);
        try {
            JsonNode answer = check();
            assertThat(answer.path("ok").asBoolean()).isFalse();
            assertThat(failures(answer, "POSTINGS_HAVE_EVENTS"))
                    .contains("posting " + NOT_STORED + "/0 on FUND:" + fund + " has no event");
            assertThat(failures(answer, "EVENT_POSTINGS_BALANCE")).contains("event " + NOT_STORED + " posts 500 fen");
            assertThat(failures(answer, "EVENTS_POSTED")).anyMatch(f -> f.startsWith("FundsAppropriatedEvent: "));
        } finally {
            jdbc.update("DELETE FROM journal_posting WHERE event_id = ?", NOT_STORED);
        }
        assertThat(failures(check(), "POSTINGS_HAVE_EVENTS")).noneMatch(f -> f.contains(NOT_STORED));
    }

    @Test
    void aLostPostingIsFound() {
        Map<String, Object> line = jdbc.queryForMap("SELECT event_id, line_no, account, amount_fen, posted_at,"
                + " event_type, reference, global_index FROM journal_posting WHERE event_id = ? AND account = ?",
                eventId, "APPROPRIATION:" + fund);
        jdbc.update("DELETE FROM journal_posting WHERE event_id = ? AND account = ?", eventId, "APPROPRIATION:" + fund);
        try {
            JsonNode answer = check();
            assertThat(answer.path("ok").asBoolean()).isFalse();
            assertThat(failures(answer, "EVENT_POSTINGS_BALANCE")).contains("event " + eventId + " posts "
                    + AMOUNT_FEN + " fen");
            assertThat(failures(answer, "EVENTS_POSTED")).anyMatch(f -> f.startsWith("FundsAppropriatedEvent: "));
            assertThat(failures(answer, "APPROPRIATIONS_MATCH")).contains(fund + ": appropriated " + AMOUNT_FEN
                    + " fen by its events, 0 fen in the journal");
        } finally {
            jdbc.update("INSERT INTO journal_posting (event_id, line_no, account, amount_fen, posted_at, event_type,"
                    + " reference, global_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", line.get("event_id"),
                    line.get("line_no"), line.get("account"), line.get("amount_fen"), line.get("posted_at"),
                    line.get("event_type"), line.get("reference"), line.get("global_index"));
        }
        assertThat(failures(check(), "APPROPRIATIONS_MATCH")).noneMatch(f -> f.startsWith(fund + ":"));
    }

    @Test
    void aFundBelowZeroAndAnAppropriationThatIsNotTheEventsAreFound() {
        // Both lines of the appropriation turned round: the event still sums to zero, the accounts do not hold.
        jdbc.update("UPDATE journal_posting SET amount_fen = -amount_fen WHERE event_id = ?", eventId);
        try {
            JsonNode answer = check();
            assertThat(answer.path("ok").asBoolean()).isFalse();
            assertThat(failures(answer, "ACCOUNT_SIGNS")).contains("APPROPRIATION:" + fund + " " + AMOUNT_FEN + " fen",
                    "FUND:" + fund + " -" + AMOUNT_FEN + " fen");
            assertThat(failures(answer, "APPROPRIATIONS_MATCH")).contains(fund + ": appropriated " + AMOUNT_FEN
                    + " fen by its events, -" + AMOUNT_FEN + " fen in the journal");
            assertThat(failures(answer, "EVENT_POSTINGS_BALANCE")).noneMatch(f -> f.contains(eventId));
        } finally {
            jdbc.update("UPDATE journal_posting SET amount_fen = -amount_fen WHERE event_id = ?", eventId);
        }
        assertThat(failures(check(), "ACCOUNT_SIGNS")).noneMatch(f -> f.contains(fund));
    }
}
