package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.Api;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idempotency record lives in the database with the events, not in the memory of one process: after a restart
 * the same request with the same key is still answered from the record and records nothing new.
 */
class IdempotencyRestartTest {

    static final String APPROPRIATIONS = "/api/funds/appropriations";
    static final String BODY = """
            {"fiscalYear": 2090, "source": "CENTRAL", "amountFen": 300000, "documentNo": "幂等重启〔2090〕1号"}
            """;

    final TestDatabase database = TestDatabase.createDurable();

    @AfterEach
    void dropTheDatabase() {
        database.drop();
    }

    /**
     * Starts the ledger on this test's database. The settings go in as command-line arguments, which outrank
     * application.yml; SpringApplicationBuilder.properties(..) would only set defaults, and application.yml's own
     * datasource would win over them.
     */
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

    static long eventsOfTheFund(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'FUND-510824-2090-CENTRAL'", Long.class);
    }

    static String databaseUrl(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("spring.datasource.url");
    }

    @Test
    void aRequestRepeatedWithItsKeyAfterARestartIsAnsweredFromTheRecordAndRecordsNothingNew() {
        Api.Response first;
        try (ConfigurableApplicationContext before = start()) {
            assertThat(databaseUrl(before)).isEqualTo(database.url());
            first = api(before).as("clerk").header("Idempotency-Key", "idempotency-restart").post(APPROPRIATIONS, BODY);
            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(eventsOfTheFund(before)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext after = start()) {
            assertThat(databaseUrl(after)).isEqualTo(database.url());
            Api.Response again = api(after).as("clerk").header("Idempotency-Key", "idempotency-restart")
                    .post(APPROPRIATIONS, BODY);
            Api.Response otherBody = api(after).as("clerk").header("Idempotency-Key", "idempotency-restart")
                    .post(APPROPRIATIONS, BODY.replace("300000", "300001"));

            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(otherBody.status()).isEqualTo(409);
            assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(eventsOfTheFund(after)).isEqualTo(1);
        }
    }
}
