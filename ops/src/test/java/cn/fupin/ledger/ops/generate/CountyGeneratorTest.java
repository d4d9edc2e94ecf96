package cn.fupin.ledger.ops.generate;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.OneDatabaseSuffices;
import cn.fupin.ledger.ops.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The county generator at a reduced size (issue 13, item 6), each run on a database of its own: what it reports is
 * what the store holds, the books balance and reconcile, nothing was paid before its publicity, every household
 * still registered was granted; it refuses a second run into the same ledger; and the same seed sends the same
 * commands while another seed does not. Correctness only, never time.
 */
class CountyGeneratorTest {

    /** Starts the ledger with the generate profile: the runner builds the county before the context is returned. */
    private static ConfigurableApplicationContext generate(TestDatabase database, int households, int years,
                                                           long seed) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("ledger.test.own-database", "true");
        properties.put("ledger.personal-data.key", LedgerTest.PERSONAL_DATA_KEY);
        properties.put("county", "510824");
        properties.put("households", String.valueOf(households));
        properties.put("years", String.valueOf(years));
        properties.put("seed", String.valueOf(seed));
        properties.put("first-year", "2015");
        properties.put("ledger.generate.exit-when-done", "false");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("demo", "generate").run(arguments);
    }

    private static GenerationSummary summaryOf(ConfigurableApplicationContext context) {
        return context.getBean(CountyGenerator.class).lastSummary().orElseThrow();
    }

    private static long stored(JdbcTemplate jdbc, String eventType) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                "cn.fupin.ledger.shared." + eventType);
        return count == null ? 0 : count;
    }

    @Test
    void aGeneratedCountyBalancesReconcilesAndPaidNothingBeforeItsPublicity() {
        TestDatabase database = TestDatabase.create();
        try (ConfigurableApplicationContext ledger = generate(database, 300, 2, 42)) {
            GenerationSummary summary = summaryOf(ledger);
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            Api api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());

            // What the generator reports is what the store holds.
            assertThat(summary.households()).isEqualTo(300);
            assertThat(stored(jdbc, "household.HouseholdRegisteredEvent")).isEqualTo(summary.households());
            assertThat(stored(jdbc, "project.ProjectProposedEvent")).isEqualTo(summary.projects());
            assertThat(stored(jdbc, "disbursement.DisbursementApprovedEvent")).isEqualTo(summary.payments());
            assertThat(stored(jdbc, "disbursement.DisbursementReversedEvent")).isEqualTo(summary.reversals());
            assertThat(stored(jdbc, "household.HouseholdExitedEvent")).isEqualTo(summary.exits());
            assertThat(stored(jdbc, "household.HouseholdReturnedEvent")).isEqualTo(summary.returns());
            assertThat(stored(jdbc, "disclosure.ObjectionFiledEvent")).isEqualTo(summary.objections());
            assertThat(stored(jdbc, "competition.CompetitionClosedEvent")).isEqualTo(summary.rounds()).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                    .isEqualTo(summary.events());
            // A county of realistic shape: every village of Cangxi's gazetteer, every kind of step of the history.
            assertThat(summary.projects()).isGreaterThanOrEqualTo(8);
            assertThat(summary.grants()).isPositive();
            assertThat(summary.reversals()).isPositive();
            assertThat(summary.exits()).isPositive();
            assertThat(summary.objections()).isPositive();
            assertThat(summary.upheld()).isPositive().isLessThan(summary.objections());
            assertThat(stored(jdbc, "disclosure.NoticePublishedEvent")).isGreaterThan(summary.projects());

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_view", Long.class)).isEqualTo(300L);
                JsonNode trialBalance = api.as("auditor").get("/api/audit/trial-balance").json();
                assertThat(trialBalance.path("accounts").size()).isPositive();
                assertThat(trialBalance.path("totalFen").asLong()).as(trialBalance.toString()).isZero();
                JsonNode check = api.as("auditor").get("/api/audit/journal-check").json();
                assertThat(check.path("ok").asBoolean()).as(check.toString()).isTrue();
                JsonNode reconciliation = api.as("auditor").get("/api/audit/reconciliation").json();
                assertThat(reconciliation.path("agrees").asBoolean()).as(reconciliation.toString()).isTrue();
                assertThat(reconciliation.path("projects").asInt()).isPositive();
            });
            JsonNode flags = api.as("auditor").get("/api/audit/red-flags").json();
            for (String never : List.of("PAID_BEFORE_PUBLICITY", "GRANT_TO_INELIGIBLE", "OVER_STANDARD")) {
                assertThat(flags.path("counts").has(never)).as("the ledger runs " + never).isTrue();
                assertThat(flags.path("counts").path(never).asInt()).as(never + ": " + flags).isZero();
            }
            // Every household still registered holds its grant, but those whose listing an upheld objection withdrew
            // in the last year.
            JsonNode coverage = api.as("auditor").get("/api/grants/coverage?level=county").json();
            long registered = 300L - summary.exits() + summary.returns();
            assertThat(coverage.path("registered").asLong()).as(coverage.toString()).isEqualTo(registered);
            assertThat(summary.ungranted()).isLessThanOrEqualTo(summary.upheld());
            assertThat(coverage.path("granted").asLong()).as(coverage.toString())
                    .isEqualTo(registered - summary.ungranted());

            // A second run into the same ledger is refused, and records nothing.
            CountyGenerator generator = ledger.getBean(CountyGenerator.class);
            assertThatThrownBy(generator::generate).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not empty");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                    .isEqualTo(summary.events());
        } finally {
            database.drop();
        }
    }

    @Test
    @OneDatabaseSuffices
    void theSameSeedSendsTheSameCommands() {
        Generated first = generateOnce(40, 7);
        Generated again = generateOnce(40, 7);

        assertThat(again.summary().digest()).isEqualTo(first.summary().digest());
        assertThat(again.summary().commands()).isEqualTo(first.summary().commands());
        assertThat(again.countyEvents()).isEqualTo(first.countyEvents());
        assertThat(List.of(again.summary().households(), again.summary().projects(), again.summary().payments(),
                again.summary().exits())).isEqualTo(List.of(first.summary().households(), first.summary().projects(),
                first.summary().payments(), first.summary().exits()));
    }

    /**
     * A run's summary and the events it stored but the reconciliation's record, which the scheduler makes at a fresh
     * ledger's start or not, depending on whether it runs before the generator (on MariaDB it often does).
     */
    private record Generated(GenerationSummary summary, long countyEvents) {
    }

    private static Generated generateOnce(int households, long seed) {
        TestDatabase database = TestDatabase.create();
        try (ConfigurableApplicationContext ledger = generate(database, households, 1, seed)) {
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            long reconciliations = stored(jdbc, "audit.ReconciliationRecordedEvent");
            return new Generated(summaryOf(ledger), summaryOf(ledger).events() - reconciliations);
        } finally {
            database.drop();
        }
    }
}
