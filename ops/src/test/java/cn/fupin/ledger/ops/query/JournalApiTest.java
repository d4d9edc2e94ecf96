package cn.fupin.ledger.ops.query;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.fund.FundReservationReleasedEvent;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import cn.fupin.ledger.shared.fund.FundsReservedEvent;
import cn.fupin.ledger.shared.project.BudgetLine;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
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
 * The journal for auditors over HTTP, with money events the test appends to the store: funds of 2074 appropriated
 * and reserved for PRJ-PAY-J, a village payment in 黄猫垭镇 (510824127, which no other test uses) reversed, a grant
 * paid, the rest of a reservation released; and in 2079 a fund that promised more than it held. Other test classes
 * share the database and post too, so each assertion is about this class's accounts (or about all of them together,
 * whose sum is zero whatever they are).
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalApiTest extends LedgerApiTest {

    static final String CENTRAL = "FUND-510824-2074-CENTRAL";
    static final String COUNTY = "FUND-510824-2074-COUNTY";
    static final String DONATION = "FUND-510824-2079-DONATION";
    static final String VILLAGE = "510824127201";
    static final Instant DAY0 = Instant.parse("2074-03-01T08:00:00Z");
    static final String YEAR_END = "2074-12-31T00:00:00Z";

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventProcessingConfiguration processing;

    static Instant day(int day) {
        return DAY0.plusSeconds(86_400L * day);
    }

    @BeforeAll
    void recordAYearOfMoney() {
        EventAppender appender = new EventAppender(eventStore, transactions, eventProcessing, readModelProgress);
        appender.appendAt(day(0), "Fund", CENTRAL, new FundsAppropriatedEvent(CENTRAL, "APPR-PAY-J1", 2074,
                FundSource.CENTRAL, 1_000_000L, "财农〔2074〕1号", null));
        appender.appendAt(day(1), "Fund", COUNTY, new FundsAppropriatedEvent(COUNTY, "APPR-PAY-J2", 2074,
                FundSource.COUNTY, 500_000L, "苍财农〔2074〕2号", null));
        appender.appendAt(day(2), "Fund", CENTRAL, new FundsReservedEvent(CENTRAL, "PRJ-PAY-J", 600_000L, 600_000L,
                400_000L));
        appender.appendAt(day(2), "Fund", COUNTY, new FundsReservedEvent(COUNTY, "PRJ-PAY-J", 400_000L, 400_000L,
                100_000L));

        List<BudgetLine> roadSplit = List.of(new BudgetLine(CENTRAL, 30_000L), new BudgetLine(COUNTY, 20_000L));
        appender.appendAt(day(3), "Disbursement", "DSB-PAY-J1", new DisbursementRequestedEvent("DSB-PAY-J1",
                "PRJ-PAY-J", PayeeKind.VILLAGE, VILLAGE, "510824127", null, 50_000L, roadSplit, "苍扶付〔2074〕1号",
                null, "clerk"));
        appender.appendAt(day(4), "Disbursement", "DSB-PAY-J1", new DisbursementApprovedEvent("DSB-PAY-J1",
                "PRJ-PAY-J", PayeeKind.VILLAGE, VILLAGE, null, 50_000L, roadSplit, null, "approver"));

        List<BudgetLine> grantSplit = List.of(new BudgetLine(CENTRAL, 100_000L));
        appender.appendAt(day(5), "Disbursement", "DSB-PAY-J2", new DisbursementRequestedEvent("DSB-PAY-J2",
                "PRJ-PAY-J", PayeeKind.HOUSEHOLD, VILLAGE, "510824127", "PAY-2001", 100_000L, grantSplit,
                "苍扶付〔2074〕2号", null, "clerk"));
        appender.appendAt(day(6), "Disbursement", "DSB-PAY-J2", new DisbursementApprovedEvent("DSB-PAY-J2",
                "PRJ-PAY-J", PayeeKind.HOUSEHOLD, VILLAGE, "PAY-2001", 100_000L, grantSplit, null, "approver"));
        appender.appendAt(day(7), "Disbursement", "DSB-PAY-J1", new DisbursementReversedEvent("DSB-PAY-J1",
                "PRJ-PAY-J", PayeeKind.VILLAGE, VILLAGE, null, 50_000L, roadSplit, "重复拨付", "auditor"));
        appender.appendAt(day(8), "Fund", CENTRAL, new FundReservationReleasedEvent(CENTRAL, "PRJ-PAY-J", 100_000L,
                "ACCEPTED", 400_000L, 500_000L));

        // 2079: a fund reserving more than was appropriated to it (no command would record this; the check finds it).
        appender.appendAt(Instant.parse("2079-06-01T08:00:00Z"), "Fund", DONATION, new FundsAppropriatedEvent(DONATION,
                "APPR-PAY-J3", 2079, FundSource.DONATION, 10_000L, "苍慈〔2079〕1号", null));
        appender.appendAt(Instant.parse("2079-06-02T08:00:00Z"), "Fund", DONATION, new FundsReservedEvent(DONATION,
                "PRJ-PAY-X", 30_000L, 30_000L, -20_000L));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> balances = balances("2079-12-31T00:00:00Z");
            assertThat(balances).containsEntry("FUND:" + DONATION, -20_000L)
                    .containsEntry("PAID_HOUSEHOLD:PAY-2001", 100_000L)
                    .containsEntry("FUND:" + CENTRAL, 500_000L)
                    .containsEntry("PAID_VILLAGE:" + VILLAGE, 0L);
        });
    }

    private JsonNode get(String path) {
        Api.Response response = new Api(port).as("auditor").get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Map<String, Long> balances(String asOf) {
        Map<String, Long> balances = new LinkedHashMap<>();
        get("/api/audit/trial-balance?asOf=" + asOf).path("accounts")
                .forEach(a -> balances.put(a.path("account").asText(), a.path("balanceFen").asLong()));
        return balances;
    }

    /** This class's accounts only: those of its funds, project, village and household. */
    private static Map<String, Long> ours(Map<String, Long> balances) {
        Map<String, Long> ours = new LinkedHashMap<>();
        balances.forEach((account, balance) -> {
            if (account.contains("FUND-510824-2074-") || account.contains("FUND-510824-2079-") || account.contains(VILLAGE)
                    || account.contains("PAY-2001")) {
                ours.put(account, balance);
            }
        });
        return ours;
    }

    private List<Long> amounts(JsonNode postings) {
        List<Long> amounts = new ArrayList<>();
        postings.forEach(p -> amounts.add(p.path("amountFen").asLong()));
        return amounts;
    }

    @Nested
    class TrialBalance {

        @Test
        void everyAccountOfTheYearWithItsBalanceAndATotalOfZero() {
            JsonNode answer = get("/api/audit/trial-balance?asOf=" + YEAR_END);
            assertThat(answer.path("asOf").asText()).isEqualTo(YEAR_END);
            assertThat(answer.path("totalFen").asLong()).isZero();

            Map<String, Long> ours = ours(balances(YEAR_END));
            assertThat(ours).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "APPROPRIATION:" + CENTRAL, -1_000_000L,
                    "APPROPRIATION:" + COUNTY, -500_000L,
                    "FUND:" + CENTRAL, 500_000L,
                    "FUND:" + COUNTY, 100_000L,
                    "RESERVED:PRJ-PAY-J:" + CENTRAL, 400_000L,
                    "RESERVED:PRJ-PAY-J:" + COUNTY, 400_000L,
                    "PAID_VILLAGE:" + VILLAGE, 0L,
                    "PAID_HOUSEHOLD:PAY-2001", 100_000L));
            assertThat(ours.values().stream().mapToLong(Long::longValue).sum()).isZero();
        }

        @Test
        void asOfAnEarlierInstantLeavesOutWhatCameLater() {
            // The grant was paid on 7 March at 08:00, the village payment reversed on 8 March at 08:00.
            Map<String, Long> day6 = ours(balances("2074-03-08T07:59:59Z"));
            assertThat(day6).containsEntry("PAID_VILLAGE:" + VILLAGE, 50_000L)
                    .containsEntry("RESERVED:PRJ-PAY-J:" + CENTRAL, 470_000L)
                    .containsEntry("FUND:" + CENTRAL, 400_000L)
                    .doesNotContainKey("FUND:" + DONATION);
            assertThat(get("/api/audit/trial-balance?asOf=2074-03-08T07:59:59Z").path("totalFen").asLong()).isZero();

            assertThat(ours(balances("2074-03-01T07:59:59Z"))).isEmpty();
        }

        @Test
        void anInstantWithAnOffsetIsTheSameInstant() {
            assertThat(balances("2074-03-08T15:59:59%2B08:00")).isEqualTo(balances("2074-03-08T07:59:59Z"));
        }

        @Test
        void withoutAnInstantItIsNowByTheLedgersClock() {
            // The ledger's clock, not the system's: other tests of the shared context move it forward.
            cn.fupin.ledger.ops.testing.Ledger ledger = new cn.fupin.ledger.ops.testing.Ledger(api);
            Instant before = ledger.now().minusSeconds(1);
            JsonNode answer = get("/api/audit/trial-balance");
            Instant after = ledger.now().plusSeconds(1);

            assertThat(Instant.parse(answer.path("asOf").asText())).isBetween(before, after);
            // This class's postings are dated 2074 and later: not yet, by today's clock.
            assertThat(answer.path("accounts").findValuesAsText("account")).doesNotContain("FUND:" + CENTRAL);
            assertThat(answer.path("totalFen").asLong()).isZero();
        }
    }

    @Nested
    class Postings {

        @Test
        void anAccountsPostingsComeInOrderWithTheirFacts() {
            JsonNode postings = get("/api/audit/accounts/PAID_VILLAGE:" + VILLAGE + "/postings?asOf=" + YEAR_END);
            assertThat(amounts(postings)).containsExactly(30_000L, 20_000L, -30_000L, -20_000L);
            JsonNode first = postings.get(0);
            assertThat(first.path("account").asText()).isEqualTo("PAID_VILLAGE:" + VILLAGE);
            assertThat(first.path("at").asText()).isEqualTo("2074-03-05T08:00:00Z");
            assertThat(first.path("eventType").asText()).isEqualTo("DisbursementApprovedEvent");
            assertThat(first.path("reference").asText()).isEqualTo("DSB-PAY-J1");
            assertThat(postings.get(2).path("eventType").asText()).isEqualTo("DisbursementReversedEvent");
        }

        @Test
        void anAccountNameWithSeveralColonsOrAnEncodedColonIsOneAccount() {
            assertThat(amounts(get("/api/audit/accounts/RESERVED:PRJ-PAY-J:" + CENTRAL + "/postings?asOf=" + YEAR_END)))
                    .containsExactly(600_000L, -30_000L, -100_000L, 30_000L, -100_000L);
            assertThat(amounts(get("/api/audit/accounts/PAID_HOUSEHOLD%3APAY-2001/postings?asOf=" + YEAR_END)))
                    .containsExactly(100_000L);
        }

        @Test
        void postingsAfterTheInstantAreLeftOut() {
            JsonNode postings = get("/api/audit/accounts/PAID_VILLAGE:" + VILLAGE
                    + "/postings?asOf=2074-03-08T07:59:59Z");
            assertThat(amounts(postings)).containsExactly(30_000L, 20_000L);
        }

        @Test
        void anAccountWithoutPostingsHasNoneRatherThanNotFound() {
            assertThat(get("/api/audit/accounts/FUND:FUND-510824-2078-DONATION/postings")).isEmpty();
            assertThat(get("/api/audit/accounts/nothing-like-an-account/postings")).isEmpty();
        }
    }

    @Nested
    class SelfCheck {

        /** The failures of one check that name this class's accounts. */
        private List<String> ours(JsonNode check, String name) {
            List<String> ours = new ArrayList<>();
            check.path("checks").forEach(c -> {
                if (c.path("check").asText().equals(name)) {
                    c.path("failures").forEach(v -> {
                        if (v.asText().contains("2074") || v.asText().contains("2079") || v.asText().contains(VILLAGE)
                                || v.asText().contains("PAY-2001")) {
                            ours.add(v.asText());
                        }
                    });
                }
            });
            return ours;
        }

        @Test
        void anHonestYearPassesAndTheBooksBalance() {
            JsonNode check = get("/api/audit/journal-check?asOf=2078-12-31T00:00:00Z");
            assertThat(check.path("checks").findValuesAsText("check")).containsExactly("EVENT_POSTINGS_BALANCE",
                    "POSTINGS_HAVE_EVENTS", "EVENTS_POSTED", "ACCOUNT_SIGNS", "APPROPRIATIONS_MATCH");
            for (String name : List.of("EVENT_POSTINGS_BALANCE", "POSTINGS_HAVE_EVENTS", "ACCOUNT_SIGNS",
                    "APPROPRIATIONS_MATCH")) {
                assertThat(ours(check, name)).as(name).isEmpty();
            }
            assertThat(get("/api/audit/trial-balance?asOf=2078-12-31T00:00:00Z").path("totalFen").asLong()).isZero();
        }

        @Test
        void aFundThatPromisedMoreThanItHeldIsNamedWithItsBalance() {
            JsonNode check = get("/api/audit/journal-check?asOf=2079-12-31T00:00:00Z");
            assertThat(check.path("asOf").asText()).isEqualTo("2079-12-31T00:00:00Z");
            assertThat(check.path("ok").asBoolean()).isFalse();
            assertThat(ours(check, "ACCOUNT_SIGNS")).containsExactly("FUND:" + DONATION + " -20000 fen");
            assertThat(ours(check, "EVENT_POSTINGS_BALANCE")).isEmpty();
        }
    }

    @Nested
    class Refusals {

        @Test
        void onlyAnAuditorReadsTheJournal() {
            for (String path : List.of("/api/audit/trial-balance", "/api/audit/journal-check",
                    "/api/audit/accounts/FUND:" + CENTRAL + "/postings")) {
                for (String user : List.of("clerk", "approver", "township", "reviewer")) {
                    Api.Response response = api.as(user).get(path);
                    assertThat(response.status()).as(user + " " + path).isEqualTo(403);
                    assertThat(response.code()).isEqualTo("FORBIDDEN");
                }
                Api.Response anonymous = api.anonymous().get(path);
                assertThat(anonymous.status()).as(path).isEqualTo(401);
                assertThat(anonymous.contentType()).startsWith("application/problem+json");
            }
        }

        @Test
        void anInstantThatIsNotOneIsAnInvalidParameter() {
            for (String path : List.of("/api/audit/trial-balance?asOf=yesterday",
                    "/api/audit/journal-check?asOf=2074-13-01",
                    "/api/audit/accounts/FUND:" + CENTRAL + "/postings?asOf=2074-03-01")) {
                Api.Response response = api.as("auditor").get(path);
                assertThat(response.status()).as(path).isEqualTo(422);
                assertThat(response.code()).isEqualTo("INVALID_AS_OF");
                assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
            }
        }
    }

    @Test
    void theNewReadModelsEachHaveTheirOwnRetryingProcessor() {
        for (String group : List.of("disbursements", "coverage", "journal")) {
            assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }
}
