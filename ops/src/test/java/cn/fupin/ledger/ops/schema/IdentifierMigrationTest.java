package cn.fupin.ledger.ops.schema;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store written before identifier spaces existed (issue 11, items 4 and 8) is migrated when the ledger starts:
 * Flyway V14 renames the streams of households, villages and townships to HH-, VIL- and TWN-; V15 renames the funds'
 * streams to carry the county and builds the read models again, while the upcaster reads the fund ids inside the
 * stored payloads with the county. The aggregates carry on from their history. Each old store is made from a real
 * one, turned back into the old shape, with the migration forgotten.
 */
class IdentifierMigrationTest {

    static final String VILLAGE = "510824100003";
    static final String TOWNSHIP = "510824107";

    /** The event types that name a fund (their revision rose with fund ids carrying the county). */
    static final List<String> FUND_NAMING_TYPES = List.of(
            "cn.fupin.ledger.shared.competition.CompetitionOpenedEvent",
            "cn.fupin.ledger.shared.fund.FundsAppropriatedEvent", "cn.fupin.ledger.shared.fund.FundsReservedEvent",
            "cn.fupin.ledger.shared.fund.FundReservationReleasedEvent", "cn.fupin.ledger.shared.fund.FundsDisbursedEvent",
            "cn.fupin.ledger.shared.fund.FundDisbursementReversedEvent",
            "cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent",
            "cn.fupin.ledger.shared.disbursement.DisbursementApprovedEvent",
            "cn.fupin.ledger.shared.disbursement.DisbursementReversedEvent",
            "cn.fupin.ledger.shared.project.ProjectProposedEvent", "cn.fupin.ledger.shared.project.ProjectApprovedEvent",
            "cn.fupin.ledger.shared.project.ProjectCancelledEvent", "cn.fupin.ledger.shared.project.ProjectAcceptedEvent",
            "cn.fupin.ledger.shared.project.ProjectPaymentRequestedEvent",
            "cn.fupin.ledger.shared.project.ProjectPaymentSettledEvent");

    final TestDatabase database = TestDatabase.createDurable();

    @AfterEach
    void dropTheDatabase() {
        database.drop();
    }

    ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--ledger.demo.load-data=false",
                "--ledger.personal-data.key=" + LedgerTest.PERSONAL_DATA_KEY,
                "--ledger.test.own-database=true",
                "--logging.level.org.axonframework=warn"));
        database.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("demo").run(arguments.toArray(String[]::new));
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(((ServletWebServerApplicationContext) context).getWebServer().getPort());
    }

    static long rows(JdbcTemplate jdbc, String aggregateIdentifier) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateIdentifier);
    }

    /** Makes the store look as it did before V14: bare card numbers and codes, V14 not applied. */
    static void asBeforeIdentifierSpaces(JdbcTemplate jdbc) {
        jdbc.update("UPDATE domain_event_entry SET aggregate_identifier = SUBSTRING(aggregate_identifier, 4) "
                + "WHERE type = 'Household'");
        jdbc.update("UPDATE domain_event_entry SET aggregate_identifier = SUBSTRING(aggregate_identifier, 5) "
                + "WHERE type IN ('Village', 'Township')");
        jdbc.update("DELETE FROM flyway_schema_history WHERE version IN ('14', '15')");
        withoutTheMigrationsAfterV15(jdbc);
    }

    /**
     * A store from before V15 has none of the later migrations either: the event history's index (V15.1) and the
     * skipped work's read model (V17) go, with their processors' tokens, and are created and built again when the
     * ledger starts; so do the login failures' table (V18), the idempotency records' position (V19), the coverage by
     * village (V20, filled from the coverage group's tables, which V15 empties for their rebuild), and the list orders'
     * indexes V21 adds (those it replaces keep their names, and V21 replaces them again), the projects' start
     * index V22 adds, the notices' period columns V23 adds (V23 empties the notices read model for its rebuild), the
     * pages noted for rendering (V24), and the notices' list columns V25 adds (V25 empties the notices read model and
     * the pages for their rebuild).
     */
    static void withoutTheMigrationsAfterV15(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS audit_subject");
        jdbc.execute("DROP TABLE IF EXISTS audit_event");
        jdbc.execute("DROP TABLE IF EXISTS skipped_work");
        jdbc.execute("DROP TABLE IF EXISTS login_failures");
        jdbc.execute("DROP TABLE IF EXISTS coverage_village");
        jdbc.execute("DROP TABLE IF EXISTS public_page_pending");
        jdbc.execute("ALTER TABLE idempotency_record DROP COLUMN IF EXISTS ledger_position");
        jdbc.update("DELETE FROM token_entry WHERE processor_name IN ('audit-subjects', 'skipped-work')");
        jdbc.execute("ALTER TABLE notice_view DROP INDEX IF EXISTS idx_notice_view_level");
        jdbc.execute("ALTER TABLE notice_view DROP INDEX IF EXISTS idx_notice_view_place_code");
        jdbc.execute("ALTER TABLE appropriation_view DROP INDEX IF EXISTS idx_appropriation_view_recorded");
        jdbc.execute("ALTER TABLE project_view DROP INDEX IF EXISTS idx_project_view_start");
        jdbc.execute("ALTER TABLE notice_view DROP COLUMN IF EXISTS period_start");
        jdbc.execute("ALTER TABLE notice_view DROP COLUMN IF EXISTS period_end");
        for (String column : List.of("list_township", "list_village", "list_project", "list_amount")) {
            jdbc.execute("ALTER TABLE notice_view DROP COLUMN IF EXISTS " + column);
        }
        jdbc.update("DELETE FROM flyway_schema_history WHERE version IN ('15.1', '17', '18', '19', '20', '21', '22',"
                + " '23', '24', '25')");
    }

    /**
     * Makes the store look as it did before fund ids carried the county: every stored {@code FUND-510824-} in an
     * aggregate identifier or a payload written as {@code FUND-}, V15 not applied. (Rewriting stored bytes is what
     * this test does to build an old store; the ledger itself never does it.)
     */
    static void asBeforeFundIdsHadTheCounty(JdbcTemplate jdbc) {
        jdbc.update("UPDATE domain_event_entry SET aggregate_identifier = CONCAT('FUND-', SUBSTRING(aggregate_identifier, 13)) "
                + "WHERE type = 'Fund'");
        List<Object[]> rewritten = new ArrayList<>();
        jdbc.query("SELECT global_index, payload FROM domain_event_entry", (ResultSet row) -> {
            String payload = new String(row.getBytes(2), StandardCharsets.UTF_8);
            if (payload.contains("FUND-510824-")) {
                rewritten.add(new Object[] {payload.replace("FUND-510824-", "FUND-").getBytes(StandardCharsets.UTF_8),
                        row.getLong(1)});
            }
        });
        jdbc.batchUpdate("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", rewritten);
        // The revision every event type naming a fund had before (a payload of revision 1 is today's less the county).
        jdbc.update("UPDATE domain_event_entry SET payload_revision = '1' WHERE payload_type IN ("
                + FUND_NAMING_TYPES.stream().map(type -> "'" + type + "'").collect(Collectors.joining(", ")) + ")");
        jdbc.update("DELETE FROM flyway_schema_history WHERE version = '15'");
        withoutTheMigrationsAfterV15(jdbc);
    }

    /**
     * One old store for both migrations (each start of a ledger on a new database costs seconds): its households,
     * villages and townships have bare ids, and its funds ids without the county.
     */
    @Test
    void anOldStoreIsRenamedReadWithTheCountyRebuiltAndItsAggregatesCarryOn() {
        Row row = household(9701);
        String projectId;
        try (ConfigurableApplicationContext before = start()) {
            Api api = api(before);
            assertThat(api.as("clerk").postCsv("/api/households/imports", csv(row)).status()).isEqualTo(200);
            assertThat(api.as("clerk").post("/api/places/villages/" + VILLAGE + "/poor-designations",
                    "{\"year\": 2016, \"documentNo\": \"苍扶贫〔2016〕1号\"}").status()).isEqualTo(201);
            assertThat(api.as("clerk").post("/api/townships/" + TOWNSHIP + "/assessments",
                    "{\"year\": 2015, \"score\": 91.5, \"documentNo\": \"苍委〔2016〕2号\"}").status()).isIn(200, 201);
            assertThat(api.as("clerk").post("/api/funds/appropriations", """
                    {"fiscalYear": 2016, "source": "CENTRAL", "amountFen": 500000000, "documentNo": "苍财农〔2016〕2号"}
                    """).status()).isEqualTo(201);
            Api.Response proposed = api.as("clerk").post("/api/projects", """
                    {"name": "村道硬化", "workArea": "ROADS", "villageCode": "%s", "beneficiary": "VILLAGE",
                     "budget": [{"fundId": "FUND-510824-2016-CENTRAL", "amountFen": 100000000}],
                     "implementer": "村民委员会", "supervisor": "陵江镇人民政府", "supervisionPhone": "0839-5222000",
                     "startDate": "2016-04-01", "endDate": "2016-10-31", "expectedHouseholds": 40}
                    """.formatted(VILLAGE));
            assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
            projectId = proposed.json().path("projectId").asText();
            Api.Response approved = api.as("approver").post("/api/projects/" + projectId + "/approve",
                    "{\"approvalDocNo\": \"苍扶贫〔2016〕31号\"}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            asBeforeIdentifierSpaces(jdbc);
            asBeforeFundIdsHadTheCounty(jdbc);
            assertThat(rows(jdbc, row.cardNo())).isEqualTo(1);
            assertThat(rows(jdbc, VILLAGE)).isEqualTo(1);
            assertThat(rows(jdbc, TOWNSHIP)).isEqualTo(1);
            assertThat(rows(jdbc, "FUND-2016-CENTRAL")).isEqualTo(2);
        }

        try (ConfigurableApplicationContext after = start()) {
            JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);
            assertThat(rows(jdbc, "HH-" + row.cardNo())).isEqualTo(1);
            assertThat(rows(jdbc, "VIL-" + VILLAGE)).isEqualTo(1);
            assertThat(rows(jdbc, "TWN-" + TOWNSHIP)).isEqualTo(1);
            assertThat(rows(jdbc, row.cardNo()) + rows(jdbc, VILLAGE) + rows(jdbc, TOWNSHIP)).isZero();
            assertThat(rows(jdbc, "FUND-510824-2016-CENTRAL")).isEqualTo(2);
            assertThat(rows(jdbc, "FUND-2016-CENTRAL")).isZero();
            Api api = api(after);

            // households, villages and townships carry on from their renamed streams
            Api.Response exit = api.as("clerk").post("/api/households/" + row.cardNo() + "/exit",
                    "{\"year\": 2017, \"reason\": \"人均收入达标\"}");
            Api.Response designatedAgain = api.as("clerk").post("/api/places/villages/" + VILLAGE
                    + "/poor-designations", "{\"year\": 2016, \"documentNo\": \"苍扶贫〔2016〕9号\"}");
            Api.Response assessedAgain = api.as("clerk").post("/api/townships/" + TOWNSHIP + "/assessments",
                    "{\"year\": 2015, \"score\": 80, \"documentNo\": \"苍委〔2016〕9号\"}");
            assertThat(exit.status()).as(exit.toString()).isEqualTo(200);
            assertThat(rows(jdbc, "HH-" + row.cardNo())).isEqualTo(2);
            assertThat(designatedAgain.code()).as(designatedAgain.toString()).isEqualTo("ALREADY_DESIGNATED");
            assertThat(assessedAgain.code()).as(assessedAgain.toString()).isEqualTo("ASSESSMENT_ALREADY_RECORDED");

            // the funds' read models are built again with the county in their ids, and the fund carries on
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode funds = api.as("clerk").get("/api/funds?fiscalYear=2016").json();
                assertThat(funds).singleElement().satisfies(fund -> {
                    assertThat(fund.path("fundId").asText()).isEqualTo("FUND-510824-2016-CENTRAL");
                    assertThat(fund.path("appropriatedFen").asLong()).isEqualTo(500_000_000L);
                    assertThat(fund.path("reservedFen").asLong()).isEqualTo(100_000_000L);
                });
                JsonNode project = api.as("clerk").get("/api/projects/" + projectId).json();
                assertThat(project.toString()).contains("FUND-510824-2016-CENTRAL").doesNotContain("\"FUND-2016");
            });
            Api.Response another = api.as("clerk").post("/api/funds/appropriations", """
                    {"fiscalYear": 2016, "source": "CENTRAL", "amountFen": 100, "documentNo": "苍财农〔2016〕2号"}
                    """);
            assertThat(another.code()).as(another.toString()).isEqualTo("DUPLICATE_DOCUMENT_NO");
            Api.Response cancelled = api.as("approver").post("/api/projects/" + projectId + "/cancel",
                    "{\"reason\": \"迁移后撤销\"}");
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(rows(jdbc, "FUND-510824-2016-CENTRAL")).isEqualTo(3);
        }
    }
}
