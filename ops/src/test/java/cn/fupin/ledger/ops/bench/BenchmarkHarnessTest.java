package cn.fupin.ledger.ops.bench;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness runs, at a tiny size, on a ledger of its own, and says what it measured (issue 13, item 6): every
 * figure present with its baseline, the loads' operations done without errors, the read models rebuilt to the same
 * state, the grant batch's grants stored and approved, the scratch table dropped. It asserts what the harness did,
 * never how fast. The ledger and its database are this test's alone (fresh, without the demo data), so the harness's
 * fiscal years (2060–2099), households ({@code B<run>-<n>}) and clock moves meet nobody else's.
 */
class BenchmarkHarnessTest {

    @TempDir
    Path folder;

    @Test
    void theHarnessMeasuresEveryFigureBesideItsBaselineAndLeavesTheLedgerWhole() throws Exception {
        TestDatabase database = TestDatabase.create();
        Path output = folder.resolve("bench.json");
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("ledger.test.own-database", "true");
        properties.put("ledger.demo.load-data", "false");
        properties.put("ledger.personal-data.key", LedgerTest.PERSONAL_DATA_KEY);
        properties.put("ledger.bench.run", "true");
        properties.put("ledger.bench.exit", "false");
        properties.put("ledger.bench.clients", "1,2");
        properties.put("ledger.bench.warm-up", "0s");
        properties.put("ledger.bench.duration", "1s");
        properties.put("ledger.bench.read-after-write-samples", "4");
        properties.put("ledger.bench.import-rows", "50");
        properties.put("ledger.bench.grant-batch-size", "3");
        properties.put("ledger.bench.output", output.toString());
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("demo").run(arguments)) {
            JsonNode result = new ObjectMapper().readTree(Files.readString(output));
            List<String> names = new ArrayList<>();
            result.path("figures").forEach(figure -> names.add(figure.path("name").asText()));

            assertThat(names).contains("commands/s at 1 client", "commands/s at 2 clients", "command p99 at 2 clients",
                    "read after write, lag p99", "acknowledgement to county page, p99", "render every stored public page",
                    "public page answered, p99", "list page of 100 answered, p99",
                    "register import of 50 rows", "grant batch of 3: submit", "grant batch of 3: grant lists published",
                    "grant batch of 3: approve", "grant batch of 3: approval to read models",
                    "grant batch of 3: submit+approve+read", "rebuild every API read model", "heap limit the run had",
                    "heap in use after a collection, peak", "time in garbage collection", "peak resident set");
            for (JsonNode figure : result.path("figures")) {
                String name = figure.path("name").asText();
                if (name.startsWith("commands/s") || name.startsWith("rebuild") || name.startsWith("render")
                        || name.endsWith("answered, p99")
                        || name.startsWith("register import") || name.startsWith("grant batch of 3: submit")
                        || name.startsWith("grant batch of 3: approve")) {
                    assertThat(figure.path("value").asDouble()).as(name).isPositive();
                    assertThat(figure.path("baseline").asDouble()).as(name).isPositive();
                }
                if (name.startsWith("heap") || name.equals("peak resident set")) {
                    assertThat(figure.path("value").asDouble()).as(name).isPositive()
                            .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0) * 4);
                }
                if (name.equals("heap in use after a collection, peak")) {
                    assertThat(figure.path("value").asDouble()).as(name)
                            .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
                }
                if (name.equals("time in garbage collection")) {
                    assertThat(figure.path("value").asDouble()).as(name).isBetween(0.0, 100.0);
                }
                if (name.startsWith("command errors")) {
                    assertThat(figure.path("value").asDouble()).as(name).isZero();
                }
            }
            assertThat(result.path("machine").path("database").asText()).isNotBlank();

            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            long appropriatedInEvents = 0;
            ObjectMapper json = new ObjectMapper();
            for (byte[] payload : jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE payload_type = ?",
                    byte[].class, "cn.fupin.ledger.shared.fund.FundsAppropriatedEvent")) {
                appropriatedInEvents += json.readTree(payload).path("amountFen").asLong();
            }
            assertThat(appropriatedInEvents).as("the loads appropriated").isPositive();
            assertThat(jdbc.queryForObject("SELECT SUM(appropriated_fen) FROM fund_view", Long.class))
                    .as("the rebuilt funds read model holds every appropriation the loads made")
                    .isEqualTo(appropriatedInEvents);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                    "cn.fupin.ledger.shared.household.HouseholdRegisteredEvent"))
                    .as("the import's households and the grant batch's").isEqualTo(53L);
            String batchId = result.path("grantBatch").path("batchId").asText();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                    "cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent"))
                    .as("the batch's grants approved, in the store").isEqualTo(3L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disbursement_view WHERE batch_id = ? AND status ="
                    + " 'APPROVED' AND payee_kind = 'HOUSEHOLD' AND amount_fen = 300000 AND project_id = ?", Long.class,
                    batchId, result.path("grantBatch").path("projectId").asText()))
                    .as("the batch's grants approved, in the rebuilt read model").isEqualTo(3L);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE"
                    + " LOWER(table_name) = 'bench_raw_event'", Long.class)).isZero();
        } finally {
            database.drop();
        }
    }
}
