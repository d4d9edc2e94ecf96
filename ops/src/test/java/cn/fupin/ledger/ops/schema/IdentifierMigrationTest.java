package cn.fupin.ledger.ops.schema;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households.Row;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before identifier spaces existed (issue 11, item 4) is migrated when the ledger starts: Flyway V14
 * renames the streams of households, villages and townships to HH-, VIL- and TWN-, and the aggregates carry on from
 * their history. The old store is made from a real one, its streams renamed back and V14 forgotten.
 */
class IdentifierMigrationTest {

    static final String VILLAGE = "510824100003";
    static final String TOWNSHIP = "510824107";

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
        jdbc.update("DELETE FROM flyway_schema_history WHERE version = '14'");
    }

    @Test
    void theStreamsOfHouseholdsVillagesAndTownshipsAreRenamedAndTheAggregatesCarryOn() {
        Row row = household(9701);
        try (ConfigurableApplicationContext before = start()) {
            Api api = api(before);
            assertThat(api.as("clerk").postCsv("/api/households/imports", csv(row)).status()).isEqualTo(200);
            assertThat(api.as("clerk").post("/api/places/villages/" + VILLAGE + "/poor-designations",
                    "{\"year\": 2016, \"documentNo\": \"苍扶贫〔2016〕1号\"}").status()).isEqualTo(201);
            assertThat(api.as("clerk").post("/api/townships/" + TOWNSHIP + "/assessments",
                    "{\"year\": 2015, \"score\": 91.5, \"documentNo\": \"苍委〔2016〕2号\"}").status()).isIn(200, 201);
            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            asBeforeIdentifierSpaces(jdbc);
            assertThat(rows(jdbc, row.cardNo())).isEqualTo(1);
            assertThat(rows(jdbc, VILLAGE)).isEqualTo(1);
            assertThat(rows(jdbc, TOWNSHIP)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext after = start()) {
            JdbcTemplate jdbc = after.getBean(JdbcTemplate.class);
            assertThat(rows(jdbc, "HH-" + row.cardNo())).isEqualTo(1);
            assertThat(rows(jdbc, "VIL-" + VILLAGE)).isEqualTo(1);
            assertThat(rows(jdbc, "TWN-" + TOWNSHIP)).isEqualTo(1);
            assertThat(rows(jdbc, row.cardNo()) + rows(jdbc, VILLAGE) + rows(jdbc, TOWNSHIP)).isZero();

            Api api = api(after);
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
        }
    }
}
